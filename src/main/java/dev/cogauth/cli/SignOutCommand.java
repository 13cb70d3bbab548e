package dev.cogauth.cli;

import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.oauth.BrowserLaunch;
import dev.cogauth.oauth.BrowserOpener;
import dev.cogauth.oauth.BrowserSignOut;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.tokens.BrowserSession;
import dev.cogauth.tokens.SignInNeededException;
import dev.cogauth.tokens.TokenEntry;
import dev.cogauth.tokens.TokenType;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "signout",
        mixinStandardHelpOptions = true,
        description = {
            "Revoke the cached refresh token (RevokeToken), or with --global every session of the user "
                    + "(GlobalSignOut), and delete the cache entry.",
            "ID and access tokens already issued stay valid until they expire: services that only check the "
                    + "signature keep accepting them until then.",
        })
final class SignOutCommand implements Callable<Integer> {

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

    @Option(names = "--global", description = "Sign out every session of the user, on every device (GlobalSignOut).")
    boolean global;

    @Option(names = "--browser", description = "For a browser sign-in: also open the managed login's /logout, which "
            + "ends its session in the browser so the next --browser sign-in asks again.")
    boolean browser;

    @Option(names = "--no-browser", description = "With --browser: print the /logout URL on stderr instead of opening "
            + "it (implied over SSH without a display, unless BROWSER is set).")
    boolean noBrowser;

    @Option(names = "--browser-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --browser: how long to wait for the browser to come back from /logout to the "
                    + "sign-out URL (default: 2m). The tokens are deleted before; only the wait ends.")
    Duration browserTimeout;

    /** How long signout --browser waits for the browser to come back from /logout, unless --browser-timeout. */
    private static final Duration LOGOUT_WAIT = Duration.ofMinutes(2);

    /** What RevokeToken answers when the app client has token revocation turned off. */
    private static final String UNSUPPORTED = "UnsupportedOperationException";

    private final CliContext context;

    SignOutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        TokenCommands commands = new TokenCommands(context, err, debug.debug);
        Target resolved = commands.target(target, machine);
        TokenEntry entry = commands.cache().read(resolved.key()).orElseThrow(() ->
                new SignInNeededException("no cached sign-in for " + resolved.key().describe()));
        if (resolved.key().isClientCredentials() && global) {
            throw new UsageException("--global does not go with --client-credentials: there is no user session");
        }
        if (browser && entry.browser() == null) {
            throw new UsageException("--browser: " + entry.key().describe() + " did not sign in with --browser, so"
                    + " there is no managed login session to end");
        }
        if ((noBrowser || browserTimeout != null) && !browser) {
            throw new UsageException("--no-browser and --browser-timeout go with --browser");
        }
        try (LazyApis apis = new LazyApis(timeout.timeouts)) {
            if (global) {
                // GlobalSignOut authenticates with the access token, so it must still be valid.
                TokenEntry fresh = commands.freshTokens(resolved, apis)
                        .atLeast(resolved.key(), TokenType.ACCESS, Duration.ofSeconds(30));
                commands.debug().accept("GlobalSignOut for " + fresh.key().describe());
                apis.cognito(fresh, commands.endpoint(resolved, fresh)).globalSignOut(fresh.accessToken());
                entry = fresh;
            } else if (entry.refreshToken() != null) {
                commands.debug().accept("RevokeToken for " + entry.key().describe());
                revoke(commands, resolved, entry, apis, err);
            }
        }
        commands.cache().delete(resolved.key());
        commands.cache().clearCurrent(resolved.key());
        err.println("Signed out " + entry.key().describe() + (global ? " everywhere" : "")
                + " and deleted the cached tokens. Tokens already issued stay valid until they expire"
                + " (at the latest " + entry.expiresAt() + ").");
        if (browser) {
            BrowserSession session = entry.browser();
            BrowserOpener opener = BrowserOpener.forPlatform(SecretVariables.withheldFrom(context.env()), commands.debug());
            Optional<String> whyNoBrowser = BrowserLaunch.whyNot(noBrowser, context.env());
            if (whyNoBrowser.isPresent() && !noBrowser) {
                err.println("cogauth: not opening a browser: " + whyNoBrowser.get());
            }
            new BrowserSignOut(opener, err::println).signOut(URI.create(session.domain()), entry.key().clientId(),
                    session.logoutUri(), whyNoBrowser.isEmpty(), browserTimeout != null ? browserTimeout : LOGOUT_WAIT);
        }
        return ExitCode.OK;
    }

    private void revoke(TokenCommands commands, Target resolved, TokenEntry entry, LazyApis apis, PrintWriter err) {
        try {
            apis.cognito(entry, commands.endpoint(resolved, entry))
                    .revokeToken(entry.refreshToken(), commands.clientSecret(resolved, entry).orElse(null));
        } catch (CognitoServiceException e) {
            if (ErrorType.NOT_AUTHORIZED.equals(e.errorType())) {
                // Already revoked or expired: there is nothing left to revoke, so signing out locally is right.
                err.println("cogauth: warning: the pool did not accept the refresh token (" + e.getMessage()
                        + "); it was already unusable");
            } else if (UNSUPPORTED.equals(e.errorType())) {
                err.println("cogauth: warning: token revocation is not enabled for this app client, so the refresh"
                        + " token stays valid until it expires; cogauth signout --global ends every session instead");
            } else {
                throw e;
            }
        }
    }
}
