package dev.cogauth.cli;

import dev.cogauth.localpool.DemoPool;
import dev.cogauth.localpool.LocalPool;
import dev.cogauth.localpool.engine.PoolLog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code cogauth demo}: the whole custom-auth sign-in, offline, in one command. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Sign in against the built-in demo pool, served on 127.0.0.1 for as long as the command runs.",
            "User demo, password Demo-Passw0rd!, then the question 'What is 6 times 7?' (42), three tries. "
                    + "User demo-email has no password: -u demo-email --auth-flow USER_AUTH signs in with a code "
                    + "by email, shown here. Any other option goes to signin, e.g. -o json, --debug, --mask-answers, -u demo.",
        })
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--log", description = "Also show the pool's side of each step (trigger decisions, timings).")
    boolean log;

    @Unmatched
    List<String> signinOptions = new ArrayList<>();

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PoolLog poolLog = PoolLog.to(line -> {
            err.println("local-pool: " + line);
            err.flush();
        }, log);
        try (LocalPool.Running pool = LocalPool.builder().definition(DemoPool.definition())
                .log(poolLog).build().start(0)) {
            err.println("Demo pool on " + pool.endpoint() + ": user " + DemoPool.USERNAME + ", password "
                    + DemoPool.PASSWORD + ", answer 42; or user " + DemoPool.CODE_USERNAME
                    + " with --auth-flow USER_AUTH and the code shown here.");
            err.flush();
            // --no-store: the demo pool and its tokens die with this process; caching them would only
            // replace the user's real most recent sign-in.
            List<String> args = new ArrayList<>(List.of("signin", "--pool-id", DemoPool.POOL_ID,
                    "--client-id", DemoPool.CLIENT_ID, "--endpoint-url", pool.endpoint().toString(), "--no-store"));
            args.addAll(signinOptions);
            String[] argv = args.toArray(String[]::new);
            CommandLine signin = CogauthCommand.forArgs(context, argv);
            signin.setOut(spec.commandLine().getOut());
            signin.setErr(err);
            return signin.execute(argv);
        }
    }
}
