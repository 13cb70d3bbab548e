package dev.cogauth.localpool.login;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a form post to the managed login came from the managed login's own pages. Browsers
 * say where a request comes from: {@code Sec-Fetch-Site} (same-origin, same-site, cross-site,
 * none) and {@code Origin}. A page on another origin (another port of 127.0.0.1 is one, and
 * is "same-site") must not post the sign-in form: that would sign the browser in as whoever
 * the page chose (login CSRF). A request without either header is not a browser's, so it
 * cannot be a forged one; the pending sign-in's cookie still binds it.
 */
final class CrossSiteCheck {

    private CrossSiteCheck() {
    }

    /**
     * Why the post is refused, or empty when it is fine.
     *
     * @param host the request's Host header: the origin the browser was on, if the form is ours
     */
    static Optional<String> problem(String origin, String fetchSite, String host) {
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return Optional.of("a " + fetchSite + " request");
        }
        if (origin != null && (host == null
                || !origin.toLowerCase(Locale.ROOT).equals("http://" + host.toLowerCase(Locale.ROOT)))) {
            return Optional.of("a request from another origin");
        }
        return Optional.empty();
    }
}
