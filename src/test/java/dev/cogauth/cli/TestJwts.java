package dev.cogauth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.api.AuthenticationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Unsigned, unique JWTs shaped like Cognito's, so tests can grep output for their text. */
final class TestJwts {
    private TestJwts() {
    }

    static String jwt(String use, String username, Instant exp) {
        ObjectNode claims = new ObjectMapper().createObjectNode();
        claims.put("sub", "sub-" + username);
        claims.put("cognito:username", username);
        claims.put("email", username + "@example.com");
        claims.putArray("cognito:groups").add("admins");
        claims.put("token_use", use);
        if (use.equals("access")) {
            claims.put("scope", "aws.cognito.signin.user.admin");
        }
        claims.put("exp", exp.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".sig"
                + UUID.randomUUID().toString().replace("-", "");
    }

    static AuthenticationResult tokens(String username, Instant exp, String refreshToken) {
        return new AuthenticationResult(jwt("id", username, exp), jwt("access", username, exp), refreshToken, 3600,
                "Bearer", null);
    }
}
