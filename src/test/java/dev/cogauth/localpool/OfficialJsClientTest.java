package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official amazon-cognito-identity-js client (pinned in src/test/js, installed by
 * {@code npm ci}) against the pool: proves the pool's SRP and exchange are what real Cognito
 * clients expect, independently of cogauth's own client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialJsClientTest {

    private static final Path HARNESS = Path.of("src/test/js/signin.js").toAbsolutePath();
    private static final Path CLIENT_LIBRARY = Path.of("src/test/js/node_modules/amazon-cognito-identity-js");

    private LocalPool.Running pool;

    @BeforeAll
    void start() throws IOException {
        boolean ready = Files.isDirectory(CLIENT_LIBRARY) && nodeRuns();
        if (!ready && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("node or " + CLIENT_LIBRARY + " missing, and CI=true: run npm ci in src/test/js");
        }
        Assumptions.assumeTrue(ready, "node or the JS client missing: run npm ci in src/test/js");
        pool = new LocalPool(DemoPool.definition(), PoolLog.silent()).start(0);
    }

    @AfterAll
    void stop() {
        if (pool != null) {
            pool.close();
        }
    }

    private static boolean nodeRuns() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the harness once; secrets go through the environment, as the harness recommends. */
    private JsonNode signIn(String mode, String username, String password, String answersJson) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", HARNESS.toString(), mode,
                "--endpoint", pool.endpoint() + "/", "--pool-id", DemoPool.POOL_ID,
                "--client-id", DemoPool.CLIENT_ID, "--username", username, "--timeout-ms", "20000"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.put("COGAUTH_PASSWORD", password);
        env.put("COGAUTH_ANSWERS", answersJson);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JS client did not finish");
        return PoolClient.JSON.readTree(out.strip());
    }

    @ParameterizedTest(name = "[{index}] {0} as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            srp              | demo             | []
            srp              | demo@example.com | []
            custom-after-srp | demo             | ["41", "42"]
            custom-only      | demo             | ["42"]
            """)
    void signsIn(String mode, String username, String answers) throws Exception {
        JsonNode result = signIn(mode, username, DemoPool.PASSWORD, answers);
        assertTrue(result.path("ok").asBoolean(), result::toString);
        Map<String, Object> claims = PoolClient.claims(result.path("idToken").asText());
        assertEquals(DemoPool.USERNAME, claims.get("cognito:username"));
        assertEquals(pool.endpoint() + "/" + DemoPool.POOL_ID, claims.get("iss"));
    }

    @Test
    void aWrongPasswordIsRefusedWithNotAuthorized() throws Exception {
        JsonNode result = signIn("srp", DemoPool.USERNAME, "Not-The-Passw0rd", "[]");
        assertEquals(false, result.path("ok").asBoolean(), result::toString);
        assertEquals("NotAuthorizedException", result.path("error").path("code").asText());
        assertEquals("Incorrect username or password.", result.path("error").path("message").asText());
    }

    @Test
    void threeWrongAnswersAreRefused() throws Exception {
        JsonNode result = signIn("custom-after-srp", DemoPool.USERNAME, DemoPool.PASSWORD, "[\"1\", \"2\", \"3\"]");
        assertEquals("NotAuthorizedException", result.path("error").path("code").asText(), result::toString);
        assertEquals(3, result.path("challenges").size(), result::toString);
    }
}
