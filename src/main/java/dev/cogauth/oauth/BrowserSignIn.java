package dev.cogauth.oauth;

import dev.cogauth.api.AuthenticationResult;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The authorization code grant with PKCE through a loopback redirect, as kubelogin and
 * {@code gh auth login} do it: listen, open the browser at the managed login, wait for the one
 * redirect, check its {@code state}, exchange the code, and show the browser how it ended.
 */
public final class BrowserSignIn {
    private static final String OPENID = "openid";

    private final BrowserOpener opener;
    private final SecureRandom random;
    private final Consumer<String> tell;

    /** @param tell where lines for the user go (stderr): the URL to open, what is being waited for */
    public BrowserSignIn(BrowserOpener opener, SecureRandom random, Consumer<String> tell) {
        this.opener = opener;
        this.random = random;
        this.tell = tell;
    }

    /** What one browser sign-in needs. */
    public record Settings(URI domain, String clientId, Optional<String> clientSecret, String redirectUri,
                           List<String> scopes, Optional<String> identityProvider, Optional<String> lang,
                           Optional<String> loginHint, boolean openBrowser, Duration timeout) {
        public Settings {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(redirectUri, "redirectUri");
            scopes = List.copyOf(scopes);
            Objects.requireNonNull(timeout, "timeout");
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
        Optional<String> nonce = settings.scopes().contains(OPENID)
                ? Optional.of(RandomText.urlSafe(random, 24)) : Optional.empty();
        AuthorizeRequest request = new AuthorizeRequest(settings.domain(), settings.clientId(), settings.redirectUri(),
                settings.scopes(), state, nonce, pkce, settings.identityProvider(), settings.lang(),
                settings.loginHint());
        try (LoopbackListener listener = LoopbackListener.start(settings.redirectUri())) {
            URI url = request.uri();
            if (settings.openBrowser() && opener.open(url)) {
                tell.accept("Opened the sign-in page in your browser; waiting up to "
                        + Durations.describe(settings.timeout()) + " for it to come back to " + settings.redirectUri()
                        + ". If no browser showed up, open:");
            } else {
                tell.accept("Open this URL in a browser to sign in (waiting up to "
                        + Durations.describe(settings.timeout()) + "):");
            }
            tell.accept("  " + url);
            LoopbackListener.Callback callback = listener.await(settings.timeout());
            try {
                AuthenticationResult tokens = complete(settings, callback, state, nonce, pkce);
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

    private AuthenticationResult complete(Settings settings, LoopbackListener.Callback callback, String state,
                                          Optional<String> nonce, Pkce pkce) throws InterruptedException {
        if (!callback.parameter("state").filter(state::equals).isPresent()) {
            throw new BrowserSignInException(BrowserSignInException.Kind.REFUSED, "the redirect's state does not"
                    + " match this sign-in's (an old tab, or a redirect cogauth did not ask for); sign in again");
        }
        Optional<String> error = callback.parameter("error");
        if (error.isPresent()) {
            throw new BrowserSignInException(BrowserSignInException.Kind.REFUSED, "the managed login refused the"
                    + " sign-in: " + OAuthError.describe(error.get(), callback.parameter("error_description").orElse(null)));
        }
        String code = callback.parameter("code").orElseThrow(() -> new BrowserSignInException(
                BrowserSignInException.Kind.REFUSED, "the redirect carried neither a code nor an error"));
        AuthenticationResult tokens = new TokenEndpoint(settings.domain(), settings.clientId(), settings.clientSecret())
                .exchangeCode(code, settings.redirectUri(), pkce.verifier());
        if (nonce.isPresent() && !IdTokenClaims.nonce(tokens.idToken()).filter(nonce.get()::equals).isPresent()) {
            throw new BrowserSignInException(BrowserSignInException.Kind.REFUSED,
                    "the ID token's nonce does not match this sign-in's");
        }
        return tokens;
    }
}
