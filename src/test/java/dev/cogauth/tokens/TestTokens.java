package dev.cogauth.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.api.AuthenticationResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Unsigned JWTs and entries for tests; every token is unique, so a test can grep for its text. */
final class TestTokens {
    static final CacheKey KEY = new CacheKey("us-east-1", "us-east-1_AbCdEf123", "client1", "alice");

    private TestTokens() {
    }

    static String jwt(String use, String username, Instant exp) {
        return jwt(use, username, exp.minusSeconds(3600), exp);
    }

    static String jwt(String use, String username, Instant iat, Instant exp) {
        ObjectNode claims = new ObjectMapper().createObjectNode();
        claims.put("sub", "0000-sub-" + username);
        claims.put("cognito:username", username);
        claims.put("token_use", use);
        claims.put("iat", iat.getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".sig"
                + UUID.randomUUID().toString().replace("-", "");
    }

    /** One-hour tokens that expire at {@code exp}. */
    static AuthenticationResult result(Instant exp, String refreshToken) {
        return result(exp.minusSeconds(3600), exp, refreshToken);
    }

    static AuthenticationResult result(Instant iat, Instant exp, String refreshToken) {
        return new AuthenticationResult(jwt("id", "alice", iat, exp), jwt("access", "alice", iat, exp), refreshToken,
                (int) Duration.between(iat, exp).toSeconds(), "Bearer", null);
    }

    static TokenEntry entry(CacheKey key, Instant exp) {
        return entry(key, exp.minusSeconds(3600), exp);
    }

    /** A browser sign-in's entry without the openid scope: access and refresh token, no ID token. */
    static TokenEntry entryWithoutIdToken(CacheKey key, Instant exp) {
        Instant iat = exp.minusSeconds(3600);
        return TokenEntry.fromSignIn(key, null, "http://127.0.0.1:1", new AuthenticationResult(null,
                jwt("access", key.username(), iat, exp), "refresh-" + UUID.randomUUID(), 3600, "Bearer", null), iat,
                null, null);
    }

    static TokenEntry entry(CacheKey key, Instant iat, Instant exp) {
        return TokenEntry.fromSignIn(key, null, "http://127.0.0.1:1", result(iat, exp, "refresh-" + UUID.randomUUID()),
                iat, null, null);
    }
}
