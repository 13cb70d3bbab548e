package dev.cogauth.cli;

import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.config.ConfigFiles;
import dev.cogauth.config.OAuthSettings;
import dev.cogauth.config.PoolConfig;
import dev.cogauth.config.PoolSettings;
import dev.cogauth.config.Profile;
import dev.cogauth.flow.FirstFactors;
import dev.cogauth.flow.Prompter;
import dev.cogauth.flow.Trace;
import dev.cogauth.oauth.BrowserLaunch;
import dev.cogauth.oauth.BrowserOpener;
import dev.cogauth.oauth.BrowserSignIn;
import dev.cogauth.protocol.AuthFlow;
import dev.cogauth.protocol.OAuthScopes;
import dev.cogauth.srp.Totp;
import dev.cogauth.tokens.BrowserSession;
import dev.cogauth.tokens.CacheException;
import dev.cogauth.tokens.DeviceSecret;
import dev.cogauth.tokens.OutputFormat;
import dev.cogauth.tokens.SignInSummary;
import dev.cogauth.tokens.TokenPrinter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
            "Sign in to a Cognito user pool, cache the tokens (unless --no-store) and print them.",
            "Runs the whole exchange: SRP password proof, any number of custom challenge rounds, choice-based sign-in "
                    + "(USER_AUTH: a code by email or SMS, or the password), MFA, new password. "
                    + "On a terminal it prompts; otherwise it reads one line of stdin per question, in the order asked.",
            "With --browser, signs in through the pool's managed login in a browser instead (federated users, "
                    + "passkeys): the app client needs the authorization code grant, a callback URL "
                    + "http://localhost:PORT/ and the scopes asked for.",
            "With --no-browser, or over SSH without a display (SSH_CONNECTION or SSH_TTY set, no DISPLAY or "
                    + "WAYLAND_DISPLAY, no BROWSER), no browser is started: the URL is printed and the address the "
                    + "browser ended on (http://localhost:PORT/...?code=...&state=..., which fails to load on another "
                    + "machine) may be pasted on stdin; the loopback redirect is listened for too.",
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  COGAUTH_PASSWORD       the password, used only if the pool asks for one",
            "  BROWSER                with --browser: the command that opens the sign-in URL (its last argument);"
                    + " set, it is run over SSH too",
            "  SSH_CONNECTION, SSH_TTY, DISPLAY, WAYLAND_DISPLAY  with --browser: an SSH session without a display"
                    + " starts no browser",
            "  COGAUTH_CLIENT_SECRET  the app client's secret, when the config file has none",
            "  COGAUTH_ANSWER_COMMAND the answer command, when --answer-command is not given",
            "  COGAUTH_TOTP_SECRET    an authenticator secret (base32): SOFTWARE_TOKEN_MFA codes are computed from it;"
                    + " a malformed one is exit 2",
            "  COGAUTH_PROFILE        the profile to use when --profile is not given",
            "  COGAUTH_CACHE_DIR      where tokens are cached (default: $XDG_CACHE_HOME/cogauth)",
        })
final class SignInCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PoolOptions pool;

    @Mixin
    ProfileOption profile;

    @Mixin
    DebugOption debug;

    @Mixin
    TimeoutOption timeout;

    @Option(names = "--no-store", description = "Do not save the tokens in the cache (throwaway CI runs); "
            + "a device the pool offers is then not confirmed either.")
    boolean noStore;

    @Option(names = "--remember-device", description = "Also mark the device the pool tracks as remembered "
            + "(UpdateDeviceStatus), for pools where users opt in. Offered devices are confirmed without it.")
    boolean rememberDevice;

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

    @Option(names = "--preferred-challenge", paramLabel = "FACTOR", completionCandidates = FirstFactorNames.class,
            description = "With --auth-flow USER_AUTH: the first factor to ask the pool for, EMAIL_OTP, SMS_OTP, PASSWORD,"
                    + " PASSWORD_SRP or WEB_AUTHN (any case). Without it the pool offers a choice."
                    + " Example: --auth-flow USER_AUTH --preferred-challenge email_otp")
    String preferredChallenge;

    @Option(names = "--answer-command", paramLabel = "CMD",
            description = "Run CMD (through sh -c; cmd /c on Windows) for every answer but the username and passwords:"
                    + " codes, custom challenges, choices. It gets COGAUTH_CHALLENGE in its environment (but not"
                    + " COGAUTH_PASSWORD, COGAUTH_CLIENT_SECRET or COGAUTH_TOTP_SECRET) and a JSON question on stdin;"
                    + " the first line it prints is the answer. It runs in its own process group, ended when it exits."
                    + " Example (CI):"
                    + " --answer-command './read-code-from-mailbox.sh'")
    String answerCommand;

    @Option(names = "--answer-timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60s",
            description = "How long the answer command may take per question (default: ${DEFAULT-VALUE}), e.g. 2m.")
    Duration answerTimeout;

    @Mixin
    BrowserOptions browser;

    @Option(names = "--client-credentials", description = "Sign in as the app client itself (machine to machine):"
            + " the client_credentials grant at --domain's /oauth2/token for --scope (default: all the client is"
            + " allowed), with the client secret from COGAUTH_CLIENT_SECRET, the config file or stdin. Gives an"
            + " access token only.")
    boolean clientCredentials;

    private final CliContext context;

    SignInCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TokenCommands commands = new TokenCommands(context, err, debug.debug);
        Optional<Profile> saved = commands.profile(profile);
        if (clientCredentials) {
            return signInAsClient(commands, saved, out, err);
        }
        PoolConfig config = pool.resolve(context.env(), saved.isPresent() ? saved.get().settings() : PoolSettings.empty(),
                commands::warn);
        String username = this.username != null ? this.username : saved.map(Profile::username).orElse(null);
        Trace trace = debug.debug ? message -> err.println("debug: " + message) : Trace.NONE;
        trace.step("pool " + config.poolId() + ", client " + config.clientId() + ", region " + config.region()
                + config.endpoint().map(e -> ", endpoint " + e).orElse("") + ", flow " + config.authFlow());

        if (browser.requested()) {
            if (rememberDevice) {
                throw new UsageException("--remember-device does not go with --browser: the managed login remembers"
                        + " devices itself");
            }
            return signInWithBrowser(commands, config, saved, trace, out, err);
        }
        if (rememberDevice && noStore) {
            throw new UsageException("--remember-device needs the cache to keep the device secret: drop --no-store");
        }
        ExchangeSignIn exchange = new ExchangeSignIn(context, commands, trace, err, timeout.timeouts, rememberDevice,
                noStore);
        ExchangeSignIn.Result result;
        try (PrompterHandle prompter = openPrompter(err, trace)) {
            result = exchange.signIn(config, username, clientMetadata, preferredFactor(config.authFlow()), totpSecret(),
                    prompter.prompter());
        }
        return finish(commands, config, saved, username, result.tokens(), result.device(), null, out, err);
    }

    /** The client_credentials grant instead of a user's sign-in; the access token ends up where a sign-in's do. */
    private int signInAsClient(TokenCommands commands, Optional<Profile> saved, PrintWriter out, PrintWriter err)
            throws Exception {
        browser.checkClientCredentials();
        if (username != null || rememberDevice || preferredChallenge != null || answerCommand != null
                || !clientMetadata.isEmpty()) {
            throw new UsageException("--client-credentials signs in as the app client: --username, --remember-device,"
                    + " --preferred-challenge, --answer-command and --client-metadata do not go with it");
        }
        if (output == OutputFormat.ID_TOKEN) {
            throw new UsageException("--output id-token: the client credentials grant gives an access token only");
        }
        ClientCredentials client = ClientCredentials.resolve(context, pool, saved, browser.domain, browser.scope);
        commands.debug().accept("client_credentials grant for " + client);
        AuthenticationResult tokens = client.grant(!noInput, timeout.timeouts);
        Instant receivedAt = context.clock().instant();
        if (!noStore) {
            try {
                commands.grantedTokens().store(client.key(), tokens);
                commands.debug().accept("cached the token in " + commands.cache().dir().resolve(client.key().fileName()));
            } catch (CacheException e) {
                err.println("cogauth: warning: " + e.getMessage() + "; the token was not cached");
            }
        }
        OutputFormat format = output != null ? output : (context.stdoutIsTerminal() ? null : OutputFormat.JSON);
        if (format == null) {
            err.println("Signed in as " + client.key().describe() + "; the access token expires "
                    + receivedAt.plusSeconds(tokens.expiresIn()).truncatedTo(ChronoUnit.SECONDS)
                    .atZone(context.zone()).toLocalDateTime() + ".");
        } else {
            Payload.write(out, TokenPrinter.render(format, tokens, receivedAt), "the token");
        }
        return ExitCode.OK;
    }

    /** The managed login in a browser instead of the exchange; the tokens end up where a sign-in's do. */
    private int signInWithBrowser(TokenCommands commands, PoolConfig config, Optional<Profile> saved, Trace trace,
                                  PrintWriter out, PrintWriter err) throws Exception {
        Optional<String> configFile = configFile(saved);
        OAuthSettings fromFile = configFile.isEmpty() ? OAuthSettings.none()
                : ConfigFiles.loadOAuth(Path.of(configFile.get()));
        Optional<String> whyNoBrowser = BrowserLaunch.whyNot(browser.noBrowser, context.env());
        BrowserSignIn.Settings settings = browser.settings(config, fromFile, configFile.orElse(null),
                whyNoBrowser.isEmpty(), timeout.timeouts);
        trace.step("browser sign-in: " + settings);
        if (output == OutputFormat.ID_TOKEN && !OAuthScopes.issueIdToken(settings.scopes())) {
            throw new UsageException("--output id-token needs the openid scope: without it Cognito issues no ID token");
        }
        if (whyNoBrowser.isPresent() && !browser.noBrowser) {
            err.println("cogauth: not opening a browser: " + whyNoBrowser.get());
        }
        BrowserOpener opener = BrowserOpener.forPlatform(SecretVariables.withheldFrom(context.env()), trace::step);
        AuthenticationResult tokens = new BrowserSignIn(opener, context.random(), err::println, context.stdin())
                .signIn(settings);
        BrowserSession session = new BrowserSession(settings.domain().toString(), settings.redirectUri(),
                BrowserOptions.logoutUri(fromFile, settings.redirectUri()));
        return finish(commands, config, saved, null, tokens, null, session, out, err);
    }

    /** Caches the tokens (unless --no-store) and prints them or the summary. */
    private int finish(TokenCommands commands, PoolConfig config, Optional<Profile> saved, String username,
                       AuthenticationResult tokens, DeviceSecret device, BrowserSession session, PrintWriter out,
                       PrintWriter err) {
        Instant receivedAt = context.clock().instant();
        if (!noStore) {
            String configFile = pool.config != null ? pool.config.toAbsolutePath().toString()
                    : saved.map(Profile::configFile).orElse(null);
            SignedInEntry.store(commands, config, configFile, username, tokens, receivedAt, device, session, err);
        }
        OutputFormat format = output != null ? output : (context.stdoutIsTerminal() ? null : OutputFormat.JSON);
        if (format == null) {
            err.println(SignInSummary.describe(tokens, config.poolId(), receivedAt, context.zone()));
        } else {
            Payload.write(out, TokenPrinter.render(format, tokens, receivedAt), "the tokens");
        }
        return ExitCode.OK;
    }

    /** The config file signed in with: --config, else the profile's. */
    private Optional<String> configFile(Optional<Profile> saved) {
        return pool.config != null ? Optional.of(pool.config.toString()) : saved.map(Profile::configFile);
    }

    /** --preferred-challenge, checked: a known factor, and only with the flow that has factors. */
    private Optional<String> preferredFactor(AuthFlow flow) {
        if (preferredChallenge == null) {
            return Optional.empty();
        }
        Optional<String> factor = FirstFactors.parse(preferredChallenge);
        if (factor.isEmpty()) {
            throw new UsageException("--preferred-challenge: unknown factor \"" + preferredChallenge.strip()
                    + "\": use one of " + String.join(", ", FirstFactors.KNOWN));
        }
        if (flow != AuthFlow.USER_AUTH) {
            throw new UsageException("--preferred-challenge needs --auth-flow USER_AUTH (the flow is " + flow + ")");
        }
        return factor;
    }

    /** COGAUTH_TOTP_SECRET, checked up front so a typo fails before any code is sent; never echoed. */
    private Optional<String> totpSecret() {
        Optional<String> secret = context.env(SecretVariables.TOTP_SECRET).filter(s -> !s.isBlank());
        secret.ifPresent(s -> {
            try {
                Totp.decodeBase32(s);
            } catch (IllegalArgumentException e) {
                throw new UsageException(SecretVariables.TOTP_SECRET + ": " + e.getMessage());
            }
        });
        return secret;
    }

    private PrompterHandle openPrompter(PrintWriter err, Trace trace) {
        PrompterHandle user = openUserPrompter(err);
        Optional<String> command = Optional.ofNullable(answerCommand).or(() -> context.env("COGAUTH_ANSWER_COMMAND"))
                .filter(c -> !c.isBlank());
        if (command.isEmpty()) {
            return user;
        }
        if (answerTimeout.isNegative() || answerTimeout.isZero()) {
            throw new UsageException("--answer-timeout must be longer than 0 s");
        }
        return new PrompterHandle(new AnswerCommandPrompter(command.get(), answerTimeout, user.prompter(), err, trace),
                user.resource());
    }

    private PrompterHandle openUserPrompter(PrintWriter err) {
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
