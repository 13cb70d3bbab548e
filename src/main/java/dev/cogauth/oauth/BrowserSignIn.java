package dev.cogauth.oauth;

import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.CallTimeouts;
import dev.cogauth.protocol.OAuthScopes;
import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The authorization code grant with PKCE through a loopback redirect, as kubelogin and
 * {@code gh auth login} do it: listen, open the browser at the managed login, wait for the
 * redirect with this sign-in's {@code state}, exchange the code, and show the browser how it ended.
 * When no browser is opened here (--no-browser, SSH), the user may paste the address the browser
 * ended on instead; it is checked the same way.
 *
 * <p>What binds the code to this sign-in: the PKCE verifier (only cogauth has it, so a code issued
 * for another authorize request does not exchange), the {@code state} (a redirect or paste without it
 * is refused), the listener holding the port on every loopback address the redirect host names (so no
 * other local process receives the redirect) and, with {@code openid}, the ID token's {@code nonce}.
 * Without {@code openid} Cognito sends no ID token, so the first three alone bind it; the tokens are
 * then the access and refresh tokens.
 */
public final class BrowserSignIn {
    private final BrowserOpener opener;
    private final SecureRandom random;
    private final Consumer<String> tell;
    private final InputStream pasted;

    /**
     * @param tell   where lines for the user go (stderr): the URL to open, what is being waited for
     * @param pasted where the user may paste the address the browser ended on, when no browser is opened here
     */
    public BrowserSignIn(BrowserOpener opener, SecureRandom random, Consumer<String> tell, InputStream pasted) {
        this.opener = opener;
        this.random = random;
        this.tell = tell;
        this.pasted = pasted;
    }

    /** What one browser sign-in needs. */
    public record Settings(URI domain, String clientId, Optional<String> clientSecret, String redirectUri,
                           List<String> scopes, Optional<String> identityProvider, Optional<String> lang,
                           Optional<String> loginHint, boolean openBrowser, Duration timeout,
                           CallTimeouts callTimeouts) {
        public Settings {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(redirectUri, "redirectUri");
            scopes = List.copyOf(scopes);
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(callTimeouts, "callTimeouts");
        }

        @Override
        public String toString() {
            return "Settings[domain=" + domain + ", clientId=" + clientId + ", redirectUri=" + redirectUri
                    + ", scopes=" + scopes + ", clientSecret=" + (clientSecret.isPresent() ? "***" : "none") + "]";
        }
    }

    /**
     * @throws BrowserSignInException when the sign-in was refused, timed out or the redirect URI is unusable
     */
    public AuthenticationResult signIn(Settings settings) throws InterruptedException {
        Pkce pkce = Pkce.generate(random);
        String state = RandomText.urlSafe(random, 24);
        Optional<String> nonce = OAuthScopes.issueIdToken(settings.scopes())
                ? Optional.of(RandomText.urlSafe(random, 24)) : Optional.empty();
        AuthorizeRequest request = new AuthorizeRequest(settings.domain(), settings.clientId(), settings.redirectUri(),
                settings.scopes(), state, nonce, pkce, settings.identityProvider(), settings.lang(),
                settings.loginHint());
        AtomicBoolean warned = new AtomicBoolean();
        LoopbackListener.Check sameState = query -> state.equals(query.get("state")) ? Optional.empty()
                : Optional.of("Its state does not match this sign-in's (an old tab, or a redirect cogauth did not"
                        + " ask for).");
        Runnable onRefusal = () -> {
            if (warned.compareAndSet(false, true)) {
                tell.accept("cogauth: warning: refused a request to " + settings.redirectUri() + " that is not this"
                        + " sign-in's (its state does not match); still waiting");
            }
        };
        try (LoopbackListener listener = LoopbackListener.start(settings.redirectUri(), sameState, onRefusal)) {
            URI url = request.uri();
            BrowserOpener.Outcome opened = settings.openBrowser() ? opener.open(url)
                    : new BrowserOpener.Outcome(false, List.of());
            opened.failures().forEach(failure -> tell.accept("cogauth: could not open a browser: " + failure));
            String wait = Durations.describe(settings.timeout());
            if (opened.opened()) {
                tell.accept("Opened the sign-in page in your browser; waiting up to " + wait + " for it to come back to "
                        + settings.redirectUri() + ". If no browser showed up, open:");
                tell.accept("  " + url);
            } else {
                tell.accept("Open this URL in a browser to sign in (waiting up to " + wait + "):");
                tell.accept("  " + url);
                tell.accept("If that browser is on another machine, it ends on an address starting with "
                        + settings.redirectUri() + "? that fails to load: paste that whole address here and press"
                        + " Enter.");
                PasteBack.start(pasted, listener, tell);
            }
            LoopbackListener.Callback callback = listener.await(settings.timeout());
            try {
                AuthenticationResult tokens = complete(settings, callback, nonce, pkce);
                callback.respond(HtmlPage.callback(true, "Signed in",
                        "cogauth has your tokens."));
                return tokens;
            } catch (BrowserSignInException e) {
                callback.respond(HtmlPage.callback(false, "Sign-in failed", e.getMessage()));
                throw e;
            } catch (RuntimeException | InterruptedException e) {
                callback.respond(HtmlPage.callback(false, "Sign-in failed", "See the terminal for what happened."));
                throw e;
            }
        }
    }

    /** The callback's state was checked by the listener; the rest is checked here. */
    private AuthenticationResult complete(Settings settings, LoopbackListener.Callback callback,
                                          Optional<String> nonce, Pkce pkce) throws InterruptedException {
        Optional<String> error = callback.parameter("error");
        if (error.isPresent()) {
            throw new BrowserSignInException(BrowserSignInException.Kind.REFUSED, "the managed login refused the"
                    + " sign-in: " + OAuthError.describe(error.get(), callback.parameter("error_description").orElse(null)));
        }
        String code = callback.parameter("code").orElseThrow(() -> new BrowserSignInException(
                BrowserSignInException.Kind.REFUSED, "the redirect carried neither a code nor an error"));
        AuthenticationResult tokens = new TokenEndpoint(settings.domain(), settings.clientId(), settings.clientSecret(),
                settings.callTimeouts()).exchangeCode(code, settings.redirectUri(), pkce.verifier());
        Optional<String> problem = IdTokenClaims.problem(nonce, tokens.idToken());
        if (problem.isPresent()) {
            throw new BrowserSignInException(BrowserSignInException.Kind.REFUSED, problem.get());
        }
        return tokens;
    }
}
