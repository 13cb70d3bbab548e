package dev.cogauth.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The pool's own name for the user whose tokens these are, which keys their cache entry and goes into a
 * refresh's SECRET_HASH: the ID token's {@code cognito:username}; without an ID token (a browser sign-in
 * without openid), the access token's {@code username}, else its {@code sub}, provided the access token is a
 * user's ({@code token_use} access) and for this app client ({@code client_id}).
 */
public final class TokenOwner {
    private TokenOwner() {
    }

    /** @param idToken null when the sign-in has none */
    public static Optional<String> poolUsername(String idToken, String accessToken, String clientId) {
        if (idToken != null) {
            return claims(idToken).map(claims -> claims.path("cognito:username").asText("")).filter(n -> !n.isEmpty());
        }
        return claims(accessToken)
                .filter(claims -> "access".equals(claims.path("token_use").asText())
                        && clientId.equals(claims.path("client_id").asText()))
                .map(claims -> claims.path("username").asText(claims.path("sub").asText("")))
                .filter(name -> !name.isEmpty());
    }

    private static Optional<JsonNode> claims(String token) {
        try {
            return Optional.of(Jwt.claims(token));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
