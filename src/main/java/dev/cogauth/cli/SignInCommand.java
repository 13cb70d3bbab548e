package dev.cogauth.cli;

import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.SdkCognitoApi;
import dev.cogauth.config.PoolConfig;
import dev.cogauth.flow.Prompter;
import dev.cogauth.flow.SignInFlow;
import dev.cogauth.flow.SignInSettings;
import dev.cogauth.flow.Trace;
import dev.cogauth.tokens.OutputFormat;
import dev.cogauth.tokens.SignInSummary;
import dev.cogauth.tokens.TokenPrinter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "signin",
        mixinStandardHelpOptions = true,
        description = {
            "Sign in to a Cognito user pool and print the tokens.",
            "Runs the whole exchange: SRP password proof, any number of custom challenge rounds, MFA, new password. "
                    + "On a terminal it prompts; otherwise it reads one line of stdin per question, in the order asked.",
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  COGAUTH_PASSWORD       the password, used only if the pool asks for one",
            "  COGAUTH_CLIENT_SECRET  the app client's secret, when the config file has none",
        })
final class SignInCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PoolOptions pool;

    @Mixin
    DebugOption debug;

    @Option(names = {"-u", "--username"}, paramLabel = "NAME", description = "User name, email or phone (asked for when absent).")
    String username;

    @Option(names = "--client-metadata", paramLabel = "KEY=VALUE",
            description = "ClientMetadata for the triggers, sent on every call (repeatable).")
    Map<String, String> clientMetadata = new LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", converter = OutputFormatConverter.class,
            description = "json, env, id-token or access-token (default: json when stdout is not a terminal; "
                    + "on a terminal, a summary on stderr and no tokens).")
    OutputFormat output;

    @Option(names = "--no-input", description = "Never prompt: fail with exit code 4 if anything must be asked.")
    boolean noInput;

    @Option(names = "--mask-answers", description = "Hide custom answers and codes as they are typed, like passwords.")
    boolean maskAnswers;

    private final CliContext context;

    SignInCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PoolConfig config = pool.resolve(context.env());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Trace trace = debug.debug ? message -> err.println("debug: " + message) : Trace.NONE;
        trace.step("pool " + config.poolId() + ", client " + config.clientId() + ", region " + config.region()
                + config.endpoint().map(e -> ", endpoint " + e).orElse("") + ", flow " + config.authFlow());

        SignInSettings settings = new SignInSettings(config.poolName(), config.clientId(), config.clientSecret(),
                config.authFlow(), Optional.ofNullable(username), context.env("COGAUTH_PASSWORD"), clientMetadata);
        AuthenticationResult tokens;
        try (SdkCognitoApi api = SdkCognitoApi.create(config.region(), config.endpoint().orElse(null), config.clientId());
             PrompterHandle prompter = openPrompter(err)) {
            tokens = new SignInFlow(api, prompter.prompter(), trace, context.clock(), context.random()).signIn(settings);
        }
        Instant receivedAt = context.clock().instant();
        OutputFormat format = output != null ? output : (context.stdoutIsTerminal() ? null : OutputFormat.JSON);
        if (format == null) {
            err.println(SignInSummary.describe(tokens, config.poolId(), receivedAt, context.clock().getZone()));
        } else {
            out.print(TokenPrinter.render(format, tokens, receivedAt));
            out.flush();
            // PrintWriter swallows write errors; a script must not take a lost payload for success.
            if (out.checkError()) {
                throw new UnwritableOutputException("cannot write the tokens to stdout");
            }
        }
        return ExitCode.OK;
    }

    private PrompterHandle openPrompter(PrintWriter err) {
        if (noInput) {
            return new PrompterHandle(new NoInputPrompter(err), null);
        }
        if (context.stdinIsTerminal()) {
            TerminalPrompter terminal = TerminalPrompter.open(maskAnswers, context.env("NO_COLOR").isEmpty());
            return new PrompterHandle(terminal, terminal);
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8));
        return new PrompterHandle(new LinePrompter(stdin, err), null);
    }

    /** A prompter and what to close after it (the terminal, so its mode is restored). */
    private record PrompterHandle(Prompter prompter, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (resource != null) {
                resource.close();
            }
        }
    }
}
