package dev.cogauth.cli;

import dev.cogauth.tokens.ExecCredential;
import dev.cogauth.tokens.SignInNeededException;
import dev.cogauth.tokens.TokenEntry;
import dev.cogauth.tokens.TokenType;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "exec-credential",
        mixinStandardHelpOptions = true,
        description = {
            "Print a Kubernetes ExecCredential with the ID token and its expiry, for kubectl's exec credential plugin.",
            "Never prompts: when a sign-in is needed it exits 4 and says so (kubectl shows the message).",
        })
final class ExecCredentialCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    DebugOption debug;

    @Mixin
    TimeoutOption timeout;

    @Option(names = "--min-ttl", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5m",
            description = {"Least time the token must stay valid (default: ${DEFAULT-VALUE}).",
                "Capped at half the token's lifetime, as for cogauth token."})
    Duration minTtl;

    private final CliContext context;

    ExecCredentialCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ExecCredential.ExecInfo info = ExecCredential.info(context.env("KUBERNETES_EXEC_INFO"));
        TokenCommands commands = new TokenCommands(context, spec.commandLine().getErr(), debug.debug);
        commands.debug().accept("KUBERNETES_EXEC_INFO: " + info.apiVersion() + ", interactive " + info.interactive());
        TokenEntry entry;
        try (LazyApis apis = new LazyApis(timeout.timeouts)) {
            Target resolved = commands.target(target);
            entry = commands.freshTokens(resolved, apis).atLeast(resolved.key(), TokenType.ID, minTtl);
        } catch (SignInNeededException e) {
            // Even when kubectl says it is interactive, a sign-in belongs in its own command, not inside kubectl.
            throw new SignInNeededException(e.getMessage().replaceFirst(": run cogauth signin$", "")
                    + " (kubectl cannot sign in for you)");
        }
        PrintWriter out = spec.commandLine().getOut();
        Payload.write(out, ExecCredential.render(info.apiVersion(), entry.idToken(), entry.expiryOf(TokenType.ID)),
                "the ExecCredential");
        return ExitCode.OK;
    }
}
