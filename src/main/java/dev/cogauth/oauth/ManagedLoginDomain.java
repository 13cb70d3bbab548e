package dev.cogauth.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The base URL of a pool's managed login, from what a user or config file says: a bare host
 * ({@code example.auth.us-east-1.amazoncognito.com}, {@code login.example.com}) gets
 * {@code https://}; a full URL is taken as given. Plain {@code http://} only for loopback hosts,
 * which is a local pool: anything else would send the code and tokens in the clear.
 */
public final class ManagedLoginDomain {

    private ManagedLoginDomain() {
    }

    /** The base URL without a trailing slash, e.g. {@code https://example.auth.us-east-1.amazoncognito.com}. */
    public static URI parse(String text) {
        Optional<String> problem = problemWith(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        String withScheme = text.contains("://") ? text : "https://" + text;
        String trimmed = withScheme.endsWith("/") ? withScheme.substring(0, withScheme.length() - 1) : withScheme;
        return URI.create(trimmed);
    }

    /** Empty when {@code text} is a usable domain, else what is wrong with it. */
    public static Optional<String> problemWith(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("the managed login domain is empty");
        }
        String withScheme = text.contains("://") ? text : "https://" + text;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            return Optional.of("'" + text + "' is not a host name or URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("'" + text + "' has no host name");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return Optional.of("'" + text + "' must be a host or base URL, without a query, fragment or user");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            return Optional.of("'" + text + "' must be a host or base URL, without a path such as /oauth2/authorize");
        }
        if (scheme.equals("http")) {
            return Loopback.isLoopbackHost(uri.getHost()) ? Optional.empty()
                    : Optional.of("'" + text + "': http:// is only for loopback hosts (a local pool); use https://");
        }
        if (!scheme.equals("https")) {
            return Optional.of("'" + text + "': the scheme must be https");
        }
        return Optional.empty();
    }
}
