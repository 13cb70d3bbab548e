package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.srp.SrpClient;
import dev.cogauth.srp.SrpTimestamp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/** A raw JSON 1.1 client for tests: what a Cognito SDK sends, without an SDK in the way. */
final class PoolClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI endpoint;
    private final String poolName;
    private final Clock clock;

    PoolClient(LocalPool.Running pool, Clock clock) {
        this.endpoint = pool.endpoint();
        String poolId = pool.definition().poolId();
        this.poolName = poolId.substring(poolId.indexOf('_') + 1);
        this.clock = clock;
    }

    record Reply(int status, ObjectNode body) {
        String errorType() {
            return body.path("__type").asText(null);
        }

        String message() {
            return body.path("message").asText(null);
        }

        String challenge() {
            return body.path("ChallengeName").asText(null);
        }

        String session() {
            return body.path("Session").asText(null);
        }

        String parameter(String name) {
            return body.path("ChallengeParameters").path(name).asText(null);
        }

        boolean signedIn() {
            return status == 200 && body.path("AuthenticationResult").has("AccessToken");
        }

        String token(String name) {
            return body.path("AuthenticationResult").path(name).asText(null);
        }

        Reply expectOk() {
            assertEquals(200, status, () -> "expected success, got " + body);
            return this;
        }

        Reply expectError(String type) {
            assertEquals(400, status, () -> "expected a 400, got " + body);
            assertEquals(type, errorType(), () -> "error body " + body);
            return this;
        }
    }

    Reply call(String operation, ObjectNode body) {
        return raw("AWSCognitoIdentityProviderService." + operation, body.toString());
    }

    Reply raw(String target, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), (ObjectNode) JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply initiate(String clientId, String flow, Map<String, String> parameters) {
        return initiate(clientId, flow, parameters, Map.of());
    }

    Reply initiate(String clientId, String flow, Map<String, String> parameters, Map<String, String> metadata) {
        ObjectNode body = JSON.createObjectNode().put("AuthFlow", flow).put("ClientId", clientId);
        body.set("AuthParameters", JSON.valueToTree(parameters));
        body.set("ClientMetadata", JSON.valueToTree(metadata));
        return call("InitiateAuth", body);
    }

    Reply respond(String clientId, String challenge, String session, Map<String, String> responses) {
        return respond(clientId, challenge, session, responses, Map.of());
    }

    Reply respond(String clientId, String challenge, String session, Map<String, String> responses,
                  Map<String, String> metadata) {
        ObjectNode body = JSON.createObjectNode().put("ChallengeName", challenge).put("ClientId", clientId);
        if (session != null) {
            body.put("Session", session);
        }
        body.set("ChallengeResponses", JSON.valueToTree(responses));
        body.set("ClientMetadata", JSON.valueToTree(metadata));
        return call("RespondToAuthChallenge", body);
    }

    /** A fresh SRP client; its A goes into InitiateAuth. */
    static SrpClient srp() {
        return SrpClient.start(RANDOM);
    }

    /** The PASSWORD_VERIFIER answer to {@code challenge}, signed with {@code password}. */
    Map<String, String> passwordClaim(SrpClient srp, Reply challenge, String password) {
        String userId = challenge.parameter("USER_ID_FOR_SRP");
        String timestamp = SrpTimestamp.format(clock.instant());
        String signature = srp.passwordClaimSignature(poolName, userId, password, challenge.parameter("SALT"),
                challenge.parameter("SRP_B"), challenge.parameter("SECRET_BLOCK"), timestamp);
        return Map.of("USERNAME", challenge.parameter("USERNAME"),
                "PASSWORD_CLAIM_SECRET_BLOCK", challenge.parameter("SECRET_BLOCK"),
                "PASSWORD_CLAIM_SIGNATURE", signature,
                "TIMESTAMP", timestamp);
    }

    static Map<String, Object> claims(String jwt) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(payload, Map.class);
            return map;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
