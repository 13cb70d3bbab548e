package dev.cogauth.cli;

import dev.cogauth.config.ConfigException;
import dev.cogauth.config.Profile;
import dev.cogauth.config.ProfileStore;
import dev.cogauth.flow.InputUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "configure",
        mixinStandardHelpOptions = true,
        description = {
            "Save a profile: a config file and/or pool settings and a user name, used with --profile NAME or "
                    + "$COGAUTH_PROFILE.",
            "Given settings as flags, it saves them; given none, it asks for each on stdin (Enter keeps the current value). "
                    + "Client secrets are never saved: they stay in the config file or $COGAUTH_CLIENT_SECRET.",
        })
final class ConfigureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PoolOptions pool;

    @Mixin
    ProfileOption profileOption;

    @Option(names = {"-u", "--username"}, paramLabel = "NAME", description = "Who signs in with this profile.")
    String username;

    @Option(names = "--identity-pool-id", paramLabel = "ID", description = "Identity pool for cogauth credentials.")
    String identityPoolId;

    @Option(names = "--interactive", negatable = true, description = "Let cogauth credentials sign in on the terminal"
            + " when a sign-in is needed (as its --interactive); --no-interactive turns it off.")
    Boolean interactive;

    @Option(names = "--list", description = "List the saved profiles and exit.")
    boolean list;

    private final CliContext context;

    ConfigureCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProfileStore store = new TokenCommands(context, err, false).profiles();
        if (list) {
            store.names().forEach(out::println);
            out.flush();
            return ExitCode.OK;
        }
        String name = profileOption.name(context).orElse("default");
        Profile current = store.load(name).orElse(new Profile(name, null, null, null, null, null, null, null, null));
        Profile given = new Profile(name, pool.config == null ? null : pool.config.toAbsolutePath().toString(),
                pool.poolId, pool.clientId, pool.region, pool.endpointUrl, pool.authFlow, username, identityPoolId,
                interactive);
        boolean anyFlag = !pool.isEmpty() || username != null || identityPoolId != null || interactive != null;
        Profile result = anyFlag ? current.with(given) : ask(current, err);
        if (result.configFile() == null && (result.poolId() == null || result.clientId() == null)) {
            throw new ConfigException(null, null, "a profile needs a config file, or a pool id and a client id");
        }
        store.save(result);
        err.println("Saved profile " + name + " in " + store.fileOf(name) + ".");
        return ExitCode.OK;
    }

    private Profile ask(Profile current, PrintWriter err) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8));
        err.println("Profile " + current.name() + ": press Enter to keep a value, '-' to clear it.");
        String configFile = ask(in, err, "Config file (awsconfiguration.json, amplify_outputs.json, ...)",
                current.configFile());
        return new Profile(current.name(),
                // Absolute, so the profile works from any directory.
                configFile == null ? null : Path.of(configFile).toAbsolutePath().toString(),
                ask(in, err, "User pool id", current.poolId()),
                ask(in, err, "App client id", current.clientId()),
                ask(in, err, "Region", current.region()),
                ask(in, err, "Endpoint URL (local pool, moto)", current.endpoint()),
                ask(in, err, "Auth flow", current.authFlow()),
                ask(in, err, "Username", current.username()),
                ask(in, err, "Identity pool id", current.identityPoolId()), current.interactive());
    }

    private static String ask(BufferedReader in, PrintWriter err, String label, String value) throws IOException {
        err.print(label + (value == null ? "" : " [" + value + "]") + ": ");
        err.flush();
        String line = in.readLine();
        if (line == null) {
            throw new InputUnavailableException("stdin ended while asking for " + label.toLowerCase());
        }
        String answer = line.strip();
        if (answer.equals("-")) {
            return null;
        }
        return answer.isEmpty() ? value : answer;
    }
}
