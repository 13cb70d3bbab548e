package dev.cogauth.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.api.AuthenticationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Unsigned JWTs and entries for tests; every token is unique, so a test can grep for its text. */
final class TestTokens {
    static final CacheKey KEY = new CacheKey("us-east-1", "us-east-1_AbCdEf123", "client1", "alice");

    private TestTokens() {
    }

    static String jwt(String use, String username, Instant exp) {
        ObjectNode claims = new ObjectMapper().createObjectNode();
        claims.put("sub", "0000-sub-" + username);
        claims.put("cognito:username", username);
        claims.put("token_use", use);
        claims.put("exp", exp.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".sig"
                + UUID.randomUUID().toString().replace("-", "");
    }

    static AuthenticationResult result(Instant exp, String refreshToken) {
        return new AuthenticationResult(jwt("id", "alice", exp), jwt("access", "alice", exp), refreshToken,
                3600, "Bearer", null);
    }

    static TokenEntry entry(CacheKey key, Instant exp) {
        return TokenEntry.fromSignIn(key, null, "http://127.0.0.1:1", result(exp, "refresh-" + UUID.randomUUID()),
                exp.minusSeconds(3600), null, null);
    }
}
