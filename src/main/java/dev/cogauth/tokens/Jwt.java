package dev.cogauth.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;

/**
 * Reads a JWT's claims without verifying it: cogauth only shows who and until when; the
 * services that receive the token verify it.
 */
public final class Jwt {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Jwt() {
    }

    /** The payload as a JSON object; never includes the token text in an error. */
    public static JsonNode claims(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT (expected three dot-separated parts)");
        }
        try {
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims == null || !claims.isObject()) {
                throw new IllegalArgumentException("JWT payload is not a JSON object");
            }
            return claims;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT payload is not base64url JSON");
        }
    }
}
