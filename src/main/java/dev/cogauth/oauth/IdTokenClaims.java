package dev.cogauth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * The one claim this package checks: {@code nonce}. The token came straight from the token
 * endpoint over TLS, so (as OIDC allows for that case) its signature is not verified here.
 */
final class IdTokenClaims {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdTokenClaims() {
    }

    static Optional<String> nonce(String idToken) {
        String[] parts = idToken.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims != null && claims.hasNonNull("nonce") ? Optional.of(claims.get("nonce").asText())
                    : Optional.empty();
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
