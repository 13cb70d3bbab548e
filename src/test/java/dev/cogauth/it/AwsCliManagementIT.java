package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI with {@code --endpoint-url} manages the local pool as it would Cognito, signing
 * with made-up credentials from its environment: a pool, a client, a user, a filtered listing,
 * and Cognito's error code on stderr for a duplicate user; then an identity pool over a user pool
 * made at run time, and a user of it signed in to temporary credentials.
 */
class AwsCliManagementIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void theAwsCliCreatesAPoolAClientAndUsersAndListsThem() throws Exception {
        Path aws = RequiredTool.require("aws", "managing the local pool with the AWS CLI");
        try (LocalPoolProcess pool = LocalPoolProcess.start(null)) {
            String endpoint = pool.endpoint().toString();
            String poolId = run(aws, endpoint, 0, "create-user-pool", "--pool-name", "cli").path("UserPool").path("Id").asText();
            assertTrue(poolId.startsWith("us-east-1_"), poolId);
            JsonNode client = run(aws, endpoint, 0, "create-user-pool-client", "--user-pool-id", poolId,
                    "--client-name", "cli-app", "--generate-secret").path("UserPoolClient");
            assertEquals("cli-app", client.path("ClientName").asText());
            assertTrue(client.path("ClientSecret").asText().length() > 20);
            JsonNode user = run(aws, endpoint, 0, "admin-create-user", "--user-pool-id", poolId, "--username", "carl",
                    "--user-attributes", "Name=email,Value=carl@example.com", "--message-action", "SUPPRESS").path("User");
            assertEquals("FORCE_CHANGE_PASSWORD", user.path("UserStatus").asText());
            run(aws, endpoint, 0, "admin-set-user-password", "--user-pool-id", poolId, "--username", "carl",
                    "--password", "Str0ng-Passw0rd!", "--permanent");
            JsonNode listed = run(aws, endpoint, 0, "list-users", "--user-pool-id", poolId, "--filter", "email ^= \"carl\"");
            assertEquals("carl", listed.path("Users").path(0).path("Username").asText());
            assertEquals("CONFIRMED", listed.path("Users").path(0).path("UserStatus").asText());
            run(aws, endpoint, 255, "admin-create-user", "--user-pool-id", poolId, "--username", "carl");
        }
    }

    @Test
    void theAwsCliGetsCredentialsForAUserOfAPoolMadeAtRunTime() throws Exception {
        Path aws = RequiredTool.require("aws", "managing the local pool with the AWS CLI");
        try (LocalPoolProcess pool = LocalPoolProcess.start(null)) {
            String endpoint = pool.endpoint().toString();
            String poolId = run(aws, endpoint, 0, "create-user-pool", "--pool-name", "idp").path("UserPool").path("Id").asText();
            String clientId = run(aws, endpoint, 0, "create-user-pool-client", "--user-pool-id", poolId,
                    "--client-name", "app", "--explicit-auth-flows", "ALLOW_ADMIN_USER_PASSWORD_AUTH",
                    "ALLOW_REFRESH_TOKEN_AUTH").path("UserPoolClient").path("ClientId").asText();
            run(aws, endpoint, 0, "admin-create-user", "--user-pool-id", poolId, "--username", "dora",
                    "--message-action", "SUPPRESS");
            run(aws, endpoint, 0, "admin-set-user-password", "--user-pool-id", poolId, "--username", "dora",
                    "--password", "Str0ng-Passw0rd!", "--permanent");
            String idToken = run(aws, endpoint, 0, "admin-initiate-auth", "--user-pool-id", poolId, "--client-id", clientId,
                    "--auth-flow", "ADMIN_USER_PASSWORD_AUTH", "--auth-parameters",
                    "USERNAME=dora,PASSWORD=Str0ng-Passw0rd!").path("AuthenticationResult").path("IdToken").asText();
            assertEquals(3, idToken.split("\\.").length, "an ID token");

            String provider = "cognito-idp.us-east-1.amazonaws.com/" + poolId;
            String identityPoolId = service(aws, endpoint, "cognito-identity", "create-identity-pool",
                    "--identity-pool-name", "over_run_time", "--no-allow-unauthenticated-identities",
                    "--cognito-identity-providers", "ProviderName=" + provider + ",ClientId=" + clientId)
                    .path("IdentityPoolId").asText();
            assertTrue(identityPoolId.matches("us-east-1:[0-9a-f-]{36}"), identityPoolId);
            String logins = JSON.createObjectNode().put(provider, idToken).toString();
            String identityId = service(aws, endpoint, "cognito-identity", "get-id", "--identity-pool-id", identityPoolId,
                    "--logins", logins).path("IdentityId").asText();
            assertTrue(identityId.matches("us-east-1:[0-9a-f-]{36}"), identityId);
            Instant before = Instant.now();
            JsonNode answer = service(aws, endpoint, "cognito-identity", "get-credentials-for-identity",
                    "--identity-id", identityId, "--logins", logins);
            Instant after = Instant.now();
            assertEquals(identityId, answer.path("IdentityId").asText());
            JsonNode credentials = answer.path("Credentials");
            assertTrue(credentials.path("AccessKeyId").asText().matches("ASIA[A-Z2-7]{16}"), credentials.toString());
            assertEquals(40, credentials.path("SecretKey").asText().length());
            assertTrue(credentials.path("SessionToken").asText().length() > 100);
            // An hour after the call: AWS CLI v1 prints the wire's epoch seconds, v2 a date with an offset.
            JsonNode expires = credentials.path("Expiration");
            Instant expiration = expires.isNumber() ? Instant.ofEpochSecond(expires.longValue())
                    : OffsetDateTime.parse(expires.asText()).toInstant();
            assertFalse(expiration.isBefore(before.plus(Duration.ofHours(1)).minusSeconds(1)), expiration + " vs " + before);
            assertFalse(expiration.isAfter(after.plus(Duration.ofHours(1))), expiration + " vs " + after);
        }
    }

    /**
     * Runs {@code aws cognito-idp ARGS --endpoint-url ENDPOINT}; its JSON answer, or (expectedExit
     * not 0) checks it was refused with UsernameExistsException.
     */
    private JsonNode run(Path aws, String endpoint, int expectedExit, String... args) throws Exception {
        return call(aws, endpoint, "cognito-idp", expectedExit, args);
    }

    /** Runs {@code aws SERVICE ARGS --endpoint-url ENDPOINT}, which must succeed; its JSON answer. */
    private JsonNode service(Path aws, String endpoint, String service, String... args) throws Exception {
        return call(aws, endpoint, service, 0, args);
    }

    private JsonNode call(Path aws, String endpoint, String service, int expectedExit, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws.toString(), service));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint, "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "any-secret");
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().remove("AWS_PROFILE");
        builder.environment().put("AWS_CONFIG_FILE", temp.resolve("no-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("no-credentials").toString());
        Path out = temp.resolve("out.json");
        Path err = temp.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("aws " + String.join(" ", args) + " did not finish");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (expectedExit == 0) {
            assertEquals(0, process.exitValue(), "aws " + String.join(" ", args) + ": " + stderr);
        } else {
            // A service error: 255 from AWS CLI v1, 254 from v2.
            assertTrue(process.exitValue() == 254 || process.exitValue() == 255, "exit " + process.exitValue() + ": " + stderr);
            assertTrue(stderr.contains("(UsernameExistsException)"), stderr);
            return null;
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        return stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(stdout);
    }
}
