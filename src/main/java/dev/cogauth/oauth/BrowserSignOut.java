package dev.cogauth.oauth;

import dev.cogauth.protocol.Form;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Ends the managed login's own session (its cookie in the browser) with {@code GET /logout},
 * which sends the browser on to a registered sign-out URL. When that URL is a loopback one,
 * cogauth listens there to tell the browser it is done; if it cannot, the logout still happens.
 *
 * <p>Which request is the browser coming back: the logout URL carries no state to check (Cognito redirects to
 * {@code logout_uri} exactly as registered, adding nothing), so only a GET of the exact path whose query is
 * the registered URI's own (usually none) counts. A favicon, another path, a POST or added parameters do not
 * end the wait. Another local process could still send that one request; all it gains is a "Signed out" page
 * and cogauth stopping to wait, as the tokens are deleted before the browser is sent anywhere.
 */
public final class BrowserSignOut {
    private final BrowserOpener opener;
    private final Consumer<String> tell;

    public BrowserSignOut(BrowserOpener opener, Consumer<String> tell) {
        this.opener = opener;
        this.tell = tell;
    }

    /** The logout URL: {@code /logout?client_id=...&logout_uri=...}. */
    public static URI logoutUrl(URI domain, String clientId, String logoutUri) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("logout_uri", logoutUri);
        return URI.create(domain + "/logout?" + Form.encode(query));
    }

    /** True when the browser came back to the sign-out URL within {@code timeout}. */
    public boolean signOut(URI domain, String clientId, String logoutUri, boolean openBrowser, Duration timeout)
            throws InterruptedException {
        URI url = logoutUrl(domain, clientId, logoutUri);
        Optional<LoopbackListener> listener = listen(logoutUri);
        try {
            BrowserOpener.Outcome opened = openBrowser ? opener.open(url) : new BrowserOpener.Outcome(false, List.of());
            opened.failures().forEach(failure -> tell.accept("cogauth: could not open a browser: " + failure));
            if (!opened.opened()) {
                tell.accept("Open this URL in the browser you signed in with to end its managed login session:");
            }
            tell.accept("  " + url);
            if (listener.isEmpty()) {
                return false;
            }
            tell.accept("Waiting up to " + Durations.describe(timeout) + " for the browser to come back to " + logoutUri
                    + " (--browser-timeout); Ctrl-C stops waiting, the tokens are already deleted.");
            LoopbackListener.Callback callback;
            try {
                callback = listener.get().await(timeout);
            } catch (BrowserSignInException timedOut) {
                tell.accept("cogauth: warning: the browser did not come back to " + logoutUri + " within "
                        + Durations.describe(timeout) + "; its managed login session may still be open");
                return false;
            }
            callback.respond(HtmlPage.callback(true, "Signed out",
                    "The managed login session has ended and cogauth deleted its tokens."));
            return true;
        } finally {
            listener.ifPresent(LoopbackListener::close);
        }
    }

    private Optional<LoopbackListener> listen(String logoutUri) {
        if (Loopback.problemWith(logoutUri).isPresent()) {
            return Optional.empty();
        }
        try {
            Map<String, String> registered = Form.decode(URI.create(logoutUri).getRawQuery());
            return Optional.of(LoopbackListener.start(logoutUri, query -> query.equals(registered) ? Optional.empty()
                    : Optional.of("This is not the managed login's redirect after /logout (it adds no parameters)."),
                    () -> { }));
        } catch (BrowserSignInException | IllegalArgumentException e) {
            tell.accept("cogauth: warning: " + e.getMessage());
            return Optional.empty();
        }
    }
}
