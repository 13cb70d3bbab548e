package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI with {@code --endpoint-url} manages the local pool as it would Cognito, signing
 * with made-up credentials from its environment: a pool, a client, a user, a filtered listing,
 * and Cognito's error code on stderr for a duplicate user.
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

    /**
     * Runs {@code aws cognito-idp ARGS --endpoint-url ENDPOINT}; its JSON answer, or (expectedExit
     * not 0) checks it was refused with UsernameExistsException.
     */
    private JsonNode run(Path aws, String endpoint, int expectedExit, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "cognito-idp"));
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
