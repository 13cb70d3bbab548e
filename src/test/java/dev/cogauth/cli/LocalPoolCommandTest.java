package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LocalPoolCommandTest {

    /** Output written by another thread, read safely while it is still being written. */
    private static final class SyncWriter extends StringWriter {
        @Override
        public synchronized void write(String str, int off, int len) {
            super.write(str, off, len);
        }

        @Override
        public synchronized String toString() {
            return super.toString();
        }
    }

    private static String awaitLine(StringWriter out, int lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);  // generous: a loaded machine starts it slowly
        while (System.nanoTime() < deadline) {
            String text = out.toString();
            if (text.lines().count() >= lines) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no output: " + out);
    }

    @Test
    void servesTheDemoPoolAndSigninSignsInWithTheWrittenConfig(@TempDir Path dir) throws Exception {
        StringWriter out = new SyncWriter();
        StringWriter err = new SyncWriter();
        LocalPoolCommand command = new LocalPoolCommand();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // An older file others can read: it is replaced by one only its owner can (it may hold a client secret).
        Path config = Files.writeString(dir.resolve("awsconfiguration.json"), "{}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        cli.parseArgs("--port", "0", "--write-config", config.toString(), "--log");
        CountDownLatch stop = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> served = thread.submit(() -> command.serve(stop, false));
            String printed = awaitLine(out, 2);
            String endpoint = printed.lines().findFirst().orElseThrow();
            assertTrue(endpoint.matches("http://127\\.0\\.0\\.1:\\d+"), endpoint);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
            try (var files = Files.list(dir)) {
                assertEquals(List.of(config), files.toList(), "no temporary file left behind");
            }
            JsonNode written = new ObjectMapper().readTree(Files.readString(config));
            JsonNode pool = written.path("CognitoUserPool").path("Default");
            assertEquals(endpoint, pool.path("Endpoint").asText());
            assertEquals("us-east-1_LocalDemo", pool.path("PoolId").asText());
            assertEquals("CUSTOM_AUTH", written.path("Auth").path("Default").path("authenticationFlowType").asText());

            StringWriter signinOut = new StringWriter();
            StringWriter signinErr = new StringWriter();
            CliContext context = CliContext.of(Map.of("COGAUTH_PASSWORD", "Demo-Passw0rd!"),
                    new ByteArrayInputStream("41\n42\n".getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());
            int code = Main.run(context, new PrintWriter(signinOut, true), new PrintWriter(signinErr, true),
                    "signin", "--config", config.toString(), "-u", "demo", "-o", "json", "--no-store");
            assertEquals(0, code, signinErr::toString);
            assertTrue(signinOut.toString().contains("IdToken") || signinOut.toString().contains("idToken"), signinOut::toString);

            String log = err.toString();
            assertTrue(log.contains("RespondToAuthChallenge CUSTOM_CHALLENGE"), log);
            assertTrue(log.contains("→ answerCorrect false"), log);
            assertEquals(1, log.lines().filter(line -> line.contains("Demo-Passw0rd!")).count(),
                    "the password appears only in the demo banner");
            assertFalse(log.contains(signinOut.toString().strip()), "no tokens in the log");

            stop.countDown();
            assertEquals(0, served.get(10, TimeUnit.SECONDS));
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void theConfigNamesASecretAndAFlowThePoolCanServe(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pool.json"), """
                {"poolId": "eu-west-1_NoTriggers", "users": [],
                 "clients": [{"clientId": "c1", "clientSecret": "shh", "explicitAuthFlows": ["USER_PASSWORD_AUTH"]}]}
                """);
        JsonNode config = new ObjectMapper().readTree(LocalPoolCommand.awsConfiguration(
                dev.cogauth.localpool.PoolFile.load(file), "http://127.0.0.1:1"));
        JsonNode pool = config.path("CognitoUserPool").path("Default");
        assertEquals("shh", pool.path("AppClientSecret").asText());
        assertEquals("eu-west-1", pool.path("Region").asText());
        assertEquals("USER_PASSWORD_AUTH", config.path("Auth").path("Default").path("authenticationFlowType").asText());
    }

    @Test
    void theConfigNamesTheFirstIdentityPoolForCogauthCredentials(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pool.json"), """
                {"poolId": "eu-west-1_Ids", "users": [], "clients": [{"clientId": "c1"}],
                 "identityPools": [{"identityPoolId": "eu-west-1:0a1b2c3d-1111-2222-3333-444455556666"}]}
                """);
        JsonNode config = new ObjectMapper().readTree(LocalPoolCommand.awsConfiguration(
                dev.cogauth.localpool.PoolFile.load(file), "http://127.0.0.1:1"));
        JsonNode identity = config.path("CredentialsProvider").path("CognitoIdentity").path("Default");
        assertEquals("eu-west-1:0a1b2c3d-1111-2222-3333-444455556666", identity.path("PoolId").asText());
        assertEquals("eu-west-1", identity.path("Region").asText());
    }

    @Test
    void aClientThatAllowsOnlyChoiceBasedSignInGetsUserAuthInTheConfig(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pool.json"), """
                {"poolId": "eu-west-1_Choice", "users": [], "signInPolicy": {"allowedFirstAuthFactors": ["EMAIL_OTP"]},
                 "clients": [{"clientId": "c1", "explicitAuthFlows": ["USER_AUTH", "REFRESH_TOKEN_AUTH"]}]}
                """);
        JsonNode config = new ObjectMapper().readTree(LocalPoolCommand.awsConfiguration(
                dev.cogauth.localpool.PoolFile.load(file), "http://127.0.0.1:1"));
        assertEquals("USER_AUTH", config.path("Auth").path("Default").path("authenticationFlowType").asText());
    }

    @Test
    void aBadPoolFileIsAOneLineConfigError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pool.json"), "{\"poolId\":\"x\"}");
        StringWriter err = new StringWriter();
        int code = Main.run(CliContext.of(Map.of(), new ByteArrayInputStream(new byte[0]), Clock.systemUTC()),
                new PrintWriter(new StringWriter()), new PrintWriter(err, true), "local-pool", "--pool", file.toString());
        assertEquals(ExitCode.CONFIG, code);
        assertEquals("cogauth: " + file + ": poolId: must look like <region>_<letters and digits>, e.g. us-east-1_LocalPool",
                err.toString().strip());
    }

    @Test
    void anOutboxThatCannotBeADirectoryIsAOneLineUsageError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        StringWriter err = new StringWriter();
        int code = Main.run(CliContext.of(Map.of(), new ByteArrayInputStream(new byte[0]), Clock.systemUTC()),
                new PrintWriter(new StringWriter()), new PrintWriter(err, true), "local-pool", "--outbox",
                file.resolve("outbox").toString());
        assertEquals(ExitCode.USAGE, code);
        String line = err.toString().strip();
        assertTrue(line.startsWith("cogauth: --outbox " + file.resolve("outbox") + ": cannot create the directory"), line);
        assertFalse(line.contains("\n"), "one line");
    }
}
