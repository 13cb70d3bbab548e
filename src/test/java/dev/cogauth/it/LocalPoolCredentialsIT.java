package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cogauth credentials} end to end offline: the local pool started from a pool file with an
 * identity pool, its written config, a sign-in, GetId + GetCredentialsForIdentity, and the AWS
 * CLI signing a call with what {@code credential_process} printed.
 */
class LocalPoolCredentialsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDENTITY_POOL = "us-east-1:0a1b2c3d-1111-2222-3333-444455556666";

    @TempDir
    Path temp;

    @Test
    void credentialsComeFromTheLocalIdentityPoolAndFeedTheAwsCli() throws Exception {
        Path aws = RequiredTool.require("aws", "credential_process through the real AWS CLI");
        Path poolFile = Files.writeString(temp.resolve("pool.json"), """
                {
                  "poolId": "us-east-1_CredentialsIT",
                  "clients": [ { "clientId": "credentialsclient" } ],
                  "users": [ { "username": "alice", "password": "Alice-Passw0rd!" } ],
                  "identityPools": [ { "identityPoolId": "%s", "identityPoolName": "CredentialsIT" } ]
                }
                """.formatted(IDENTITY_POOL));
        Path config = temp.resolve("local.json");
        Path cache = temp.resolve("cache");
        try (LocalPoolProcess pool = LocalPoolProcess.start(poolFile, "--write-config", config.toString())) {
            Cogauth.run().env("COGAUTH_CACHE_DIR", cache.toString()).env("COGAUTH_PASSWORD", "Alice-Passw0rd!")
                    .exec("signin", "--config", config.toString(), "-u", "alice").assertExit(0);

            Cogauth.Result printed = Cogauth.run().env("COGAUTH_CACHE_DIR", cache.toString())
                    .exec("credentials", "--config", config.toString()).assertExit(0);
            JsonNode process = JSON.readTree(printed.stdout());
            assertEquals(1, process.get("Version").asInt());
            String keyId = process.get("AccessKeyId").asText();
            assertTrue(keyId.matches("ASIA[A-Z2-7]{16}"), keyId);
            assertEquals(40, process.get("SecretAccessKey").asText().length());
            assertTrue(process.get("SessionToken").asText().length() > 100);
            Instant expiration = Instant.parse(process.get("Expiration").asText());
            assertTrue(expiration.isAfter(Instant.now().plus(Duration.ofMinutes(50))), expiration.toString());
            pool.stderr().await(Pattern.compile("GetCredentialsForIdentity us-east-1:[0-9a-f-]+ → " + keyId),
                    0, Duration.ofSeconds(10));

            // The AWS CLI takes them from credential_process and signs a call to the identity service with them.
            String command = Cogauth.javaCommand("credentials", "--config", config.toString(), "--format", "process")
                    .stream().map(LocalPoolCredentialsIT::shellQuote).collect(Collectors.joining(" "));
            Path awsConfig = Files.writeString(temp.resolve("aws-config"),
                    "[profile local]\nregion = us-east-1\ncredential_process = " + command + "\n");
            ProcessBuilder cli = new ProcessBuilder(aws.toString(), "cognito-identity", "describe-identity-pool",
                    "--identity-pool-id", IDENTITY_POOL, "--profile", "local", "--endpoint-url",
                    pool.endpoint().toString(), "--output", "json");
            cli.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("COGAUTH_"));
            cli.environment().put("AWS_CONFIG_FILE", awsConfig.toString());
            cli.environment().put("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("none").toString());
            cli.environment().put("COGAUTH_CACHE_DIR", cache.toString());
            ProcessRun described = ProcessRun.finish(cli.start());
            assertEquals(0, described.code(), described.toString());
            assertEquals("CredentialsIT", JSON.readTree(described.out()).get("IdentityPoolName").asText());
            // Signed with the credentials cogauth printed (cached, so the same key).
            pool.stderr().await(Pattern.compile("DescribeIdentityPool signed with " + keyId), 0, Duration.ofSeconds(10));
        }
    }

    @Test
    void aPoolFileWithoutIdentityPoolsRefusesGetIdAsCognitoDoes() throws Exception {
        Path poolFile = Files.writeString(temp.resolve("pool.json"), """
                {"poolId": "us-east-1_NoIdentities", "clients": [{"clientId": "c1"}],
                 "users": [{"username": "alice", "password": "Alice-Passw0rd!"}]}
                """);
        Path config = temp.resolve("local.json");
        Path cache = temp.resolve("cache");
        try (LocalPoolProcess pool = LocalPoolProcess.start(poolFile, "--write-config", config.toString())) {
            Cogauth.run().env("COGAUTH_CACHE_DIR", cache.toString()).env("COGAUTH_PASSWORD", "Alice-Passw0rd!")
                    .exec("signin", "--config", config.toString(), "-u", "alice").assertExit(0);
            Cogauth.Result refused = Cogauth.run().env("COGAUTH_CACHE_DIR", cache.toString())
                    .exec("credentials", "--config", config.toString(), "--identity-pool-id", IDENTITY_POOL);
            assertTrue(refused.exitCode() != 0, refused.describe());
            assertTrue(refused.stderr().contains("ResourceNotFoundException") || refused.stderr().contains("not found"),
                    refused.describe());
            assertEquals(List.of(), refused.stderr().lines().filter(line -> line.startsWith("\tat ")).toList(),
                    "no stack trace");
        }
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
