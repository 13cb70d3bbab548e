package dev.cogauth.cli;

import dev.cogauth.tokens.NoIdTokenException;
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

@Command(name = TokenCommand.NAME,
        mixinStandardHelpOptions = true,
        description = {
            "Print a cached token with at least --min-ttl left, refreshing it first when needed.",
            "Made for scripts: curl -H \"Authorization: $(cogauth token)\" ... Reads one file when the token is fresh; "
                    + "never prompts: without a usable refresh token it exits 4.",
            "With --client-credentials, the app client's own access token (machine to machine): when none is cached "
                    + "or it is due, token asks the token endpoint for a new one by itself. Example (CI): "
                    + "curl -H \"Authorization: Bearer $(cogauth token --client-credentials --domain DOMAIN "
                    + "--client-id ID --scope orders/read)\" ...",
        })
final class TokenCommand implements Callable<Integer> {
    static final String NAME = "token";
    static final String DEFAULT_TYPE = "id";
    static final String DEFAULT_MIN_TTL = "5m";

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    ClientCredentialsOptions machine;

    @Mixin
    DebugOption debug;

    @Mixin
    TimeoutOption timeout;

    /** Null when not given: the ID token, or the access token of a sign-in that has no ID token. */
    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "id or access (default: " + DEFAULT_TYPE
            + "; access for a browser sign-in without the openid scope, which has no ID token).",
            converter = TokenTypeConverter.class)
    TokenType type;

    @Option(names = "--min-ttl", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = DEFAULT_MIN_TTL, description = {"Least time the printed token must stay valid: 90s, 5m, 1h (default: ${DEFAULT-VALUE}).",
                "Capped at half the token's lifetime, so short-lived tokens are not refreshed on every call;"
                        + " a just-refreshed token that lives less is printed with a note on stderr."})
    Duration minTtl;

    private final CliContext context;

    TokenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command with its options set, by picocli or by {@link TokenFastPath}. */
    int run(PrintWriter out, PrintWriter err) throws Exception {
        TokenCommands commands = new TokenCommands(context, err, debug.debug);
        if (machine.requested()) {
            return runForClient(commands, out);
        }
        Target resolved = commands.target(target);
        TokenEntry entry;
        TokenType printed = type != null ? type : TokenType.parse(DEFAULT_TYPE);
        try (LazyApis apis = new LazyApis(timeout.timeouts)) {
            try {
                entry = commands.freshTokens(resolved, apis).atLeast(resolved.key(), printed, minTtl);
            } catch (NoIdTokenException e) {
                if (type != null) {
                    throw new NoIdTokenException("--type id", resolved.key());
                }
                commands.debug().accept("no ID token (signed in without openid): the access token instead");
                printed = TokenType.ACCESS;
                entry = commands.freshTokens(resolved, apis).atLeast(resolved.key(), printed, minTtl);
            }
        }
        if (debug.debug) {
            // expiryOf decodes the JWT again: not worth it on the fast path unless asked for.
            commands.debug().accept(printed.name().toLowerCase() + " token valid until " + entry.expiryOf(printed));
        }
        Payload.write(out, entry.token(printed) + "\n", "the token");
        return ExitCode.OK;
    }

    /** The app client's own access token: cached, else granted anew (the one case where token signs in). */
    private int runForClient(TokenCommands commands, PrintWriter out) throws Exception {
        if (type == TokenType.ID) {
            throw new UsageException("--type id: the client credentials grant gives an access token only");
        }
        ClientCredentials client = commands.clientCredentials(target, machine);
        TokenEntry entry = commands.grantedTokens().atLeast(client.key(), minTtl, () -> {
            commands.debug().accept("client_credentials grant for " + client);
            return client.grant(false, timeout.timeouts);
        });
        if (debug.debug) {
            commands.debug().accept("access token valid until " + entry.expiryOf(TokenType.ACCESS));
        }
        Payload.write(out, entry.accessToken() + "\n", "the token");
        return ExitCode.OK;
    }

    /** picocli's enum conversion would want ID / ACCESS; users type id / access. */
    static final class TokenTypeConverter implements picocli.CommandLine.ITypeConverter<TokenType> {
        @Override
        public TokenType convert(String value) {
            try {
                return TokenType.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
