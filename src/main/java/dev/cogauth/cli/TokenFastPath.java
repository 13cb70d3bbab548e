package dev.cogauth.cli;

import dev.cogauth.tokens.Durations;
import dev.cogauth.tokens.TokenType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cogauth token} as scripts call it, without picocli: building picocli's model of the command takes longer
 * than the rest of a cached token's run. Only the options below, each at most once, as {@code --name value},
 * {@code --name=value} or {@code -n value}, and {@code --debug}. Anything else (help, version, {@code --}, an unknown
 * or repeated option, a value that is missing, empty, option-like, an @-file or bad) is declined, and picocli runs
 * the command as ever, with its own messages.
 */
final class TokenFastPath {
    /** The options taking a value, by their long names. */
    static final Set<String> VALUE_OPTIONS = Set.of("--profile", "--username", "--type", "--min-ttl", "--timeout",
            "--config", "--pool-id", "--client-id", "--region", "--endpoint-url", "--auth-flow");
    /** Short names, each to its long one. */
    static final Map<String, String> SHORT_NAMES = Map.of("-p", "--profile", "-u", "--username", "-t", "--type",
            "-c", "--config");

    private TokenFastPath() {
    }

    /** The command with its options set as picocli would set them, or empty if picocli has to parse {@code args}. */
    static Optional<TokenCommand> parse(CliContext context, String... args) {
        if (args.length == 0 || !args[0].equals(TokenCommand.NAME)) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        boolean debug = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(DebugOption.NAME)) {
                if (debug) {
                    return Optional.empty();
                }
                debug = true;
                continue;
            }
            int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = equals < 0 ? arg : arg.substring(0, equals);
            name = SHORT_NAMES.getOrDefault(name, name);
            String value = equals >= 0 ? arg.substring(equals + 1) : ++i < args.length ? args[i] : null;
            if (!VALUE_OPTIONS.contains(name) || !isPlain(value) || values.putIfAbsent(name, value) != null) {
                return Optional.empty();
            }
        }
        return command(context, values, debug);
    }

    /** A value picocli takes as it is: not an option, not an @-file to expand. */
    private static boolean isPlain(String value) {
        return value != null && !value.isEmpty() && value.charAt(0) != '-' && value.charAt(0) != '@';
    }

    private static Optional<TokenCommand> command(CliContext context, Map<String, String> values, boolean debug) {
        TokenCommand command = new TokenCommand(context);
        command.target = new TargetOptions();
        command.target.username = values.get("--username");
        command.target.profile = new ProfileOption();
        command.target.profile.profile = values.get("--profile");
        PoolOptions pool = new PoolOptions();
        pool.poolId = values.get("--pool-id");
        pool.clientId = values.get("--client-id");
        pool.region = values.get("--region");
        pool.endpointUrl = values.get("--endpoint-url");
        pool.authFlow = values.get("--auth-flow");
        command.target.pool = pool;
        command.machine = new ClientCredentialsOptions();
        command.debug = new DebugOption();
        command.debug.debug = debug;
        command.timeout = new TimeoutOption();
        try {
            pool.config = values.containsKey("--config") ? Path.of(values.get("--config")) : null;
            command.timeout.timeouts = TimeoutOption.parse(values.getOrDefault("--timeout", TimeoutOption.DEFAULT));
            command.type = values.containsKey("--type") ? TokenType.parse(values.get("--type")) : null;
            command.minTtl = Durations.parse(values.getOrDefault("--min-ttl", TokenCommand.DEFAULT_MIN_TTL));
        } catch (IllegalArgumentException bad) {
            // picocli says what is wrong with it.
            return Optional.empty();
        }
        return Optional.of(command);
    }

    /** Runs a command {@link #parse} gave; a failure is reported as picocli's execution-exception handler does. */
    static int execute(TokenCommand command, PrintWriter out, PrintWriter err) {
        try {
            return command.run(out, err);
        } catch (Exception e) {
            return FailureReport.print(e, err, command.debug.debug);
        }
    }
}
