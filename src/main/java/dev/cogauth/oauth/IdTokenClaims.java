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

    /**
     * What is wrong with the ID token the token endpoint sent, given the nonce this sign-in sent (only with
     * openid): with a nonce there must be an ID token carrying it; without one (no openid) there is no ID token
     * to check, and none is needed.
     *
     * @param idToken null when the answer had none
     */
    static Optional<String> problem(Optional<String> sentNonce, String idToken) {
        if (sentNonce.isEmpty()) {
            return Optional.empty();
        }
        if (idToken == null) {
            return Optional.of("the token endpoint answered without an ID token, although the sign-in asked for the"
                    + " openid scope");
        }
        return nonce(idToken).filter(sentNonce.get()::equals).isPresent() ? Optional.empty()
                : Optional.of("the ID token's nonce does not match this sign-in's: the code was not issued for it");
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
