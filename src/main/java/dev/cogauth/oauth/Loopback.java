package dev.cogauth.oauth;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loopback redirect URIs ({@code http://localhost:PORT/...}, {@code http://127.0.0.1:PORT/...}):
 * the only ones a command-line tool can receive the browser's redirect on (RFC 8252 section 7.3).
 */
public final class Loopback {
    private static final int MAX_PORT = 65535;

    private Loopback() {
    }

    public static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** Empty when {@code uri} is an http loopback URI with an explicit port, else what is wrong. */
    public static Optional<String> problemWith(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            return Optional.of("'" + uri + "' is not a URI");
        }
        if (!"http".equalsIgnoreCase(parsed.getScheme()) || parsed.getHost() == null
                || !isLoopbackHost(parsed.getHost())) {
            return Optional.of("'" + uri + "' is not an http://localhost:PORT/ or http://127.0.0.1:PORT/ URI");
        }
        if (parsed.getPort() <= 0) {
            return Optional.of("'" + uri + "' has no port: the app client's callback URL must name one");
        }
        if (parsed.getPort() > MAX_PORT) {
            return Optional.of("'" + uri + "': port " + parsed.getPort() + " is not a TCP port (1 to 65535)");
        }
        if (parsed.getRawFragment() != null) {
            return Optional.of("'" + uri + "' must not have a fragment");
        }
        return Optional.empty();
    }

    /** The first loopback URI among an app's registered sign-in redirect URIs. */
    public static Optional<String> first(List<String> redirectUris) {
        return redirectUris.stream().filter(uri -> problemWith(uri).isEmpty()).findFirst();
    }
}
