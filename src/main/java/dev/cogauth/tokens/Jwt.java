package dev.cogauth.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogauth.json.JsonTree;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a JWT's claims without verifying it: cogauth only shows who and until when; the
 * services that receive the token verify it.
 */
public final class Jwt {

    private Jwt() {
    }

    /** The payload as a JSON object; never includes the token text in an error. */
    public static JsonNode claims(String token) {
        byte[] payload = payload(token);
        try {
            JsonNode claims = JsonTree.parse(payload);
            if (claims == null || !claims.isObject()) {
                throw new IllegalArgumentException("JWT payload is not a JSON object");
            }
            return claims;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT payload is not base64url JSON");
        }
    }

    /** A token's {@code iat} and {@code exp} claims, each empty unless numeric. */
    record Times(Optional<Instant> issuedAt, Optional<Instant> expiry) {
        /** exp − iat, when the token has both. */
        Optional<Duration> lifetime() {
            return issuedAt.flatMap(iat -> expiry.map(exp -> Duration.between(iat, exp)));
        }
    }

    /**
     * The {@code iat} and {@code exp} claims, when the payload has numeric ones: what {@code claims(token).get(...)}
     * gives, read without Jackson databind, since the cached {@code token} path needs nothing else from the token.
     *
     * @throws IllegalArgumentException as {@link #claims} does
     */
    static Times times(String token) {
        byte[] payload = payload(token);
        try {
            JsonFields claims = JsonFields.parse(payload).orElseThrow(
                    () -> new IllegalArgumentException("JWT payload is not a JSON object"));
            return new Times(instant(claims.integer("iat")), instant(claims.integer("exp")));
        } catch (IOException e) {
            throw new IllegalArgumentException("JWT payload is not base64url JSON");
        }
    }

    private static Optional<Instant> instant(OptionalLong seconds) {
        return seconds.isPresent() ? Optional.of(Instant.ofEpochSecond(seconds.getAsLong())) : Optional.empty();
    }

    private static byte[] payload(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT (expected three dot-separated parts)");
        }
        try {
            return Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT payload is not base64url JSON");
        }
    }
}
