package dev.cogauth.tokens;

import java.util.Objects;

/**
 * Marks a cache entry as from a browser sign-in through the pool's managed login, with what
 * {@code signout --browser} needs to end that login's session cookie.
 *
 * @param domain      the managed login's base URL
 * @param redirectUri the loopback redirect URI the sign-in came back to
 * @param logoutUri   where {@code /logout} sends the browser afterwards (a registered sign-out URL)
 */
public record BrowserSession(String domain, String redirectUri, String logoutUri) {
    public BrowserSession {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(logoutUri, "logoutUri");
    }
}
