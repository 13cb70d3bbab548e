package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.localpool.DemoPool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native binary on a machine without Java: {@code local-pool} and a custom-with-SRP
 * {@code signin} against it, both started with an environment whose PATH is an empty directory and
 * with no JAVA_HOME, so neither can find a JVM (or anything else) to lean on.
 */
@EnabledIfSystemProperty(named = "cogauth.executable", matches = ".+",
        disabledReason = "the native binary's own test: run with -Dcogauth.executable=target/cogauth")
class NativeWithoutJvmIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void startsAPoolAndSignsInWithNoJvmToBeFound(@TempDir Path home) throws Exception {
        Path emptyPath = Files.createDirectory(home.resolve("bin"));
        Map<String, String> bare = Map.of("PATH", emptyPath.toString(), "HOME", home.toString(),
                "COGAUTH_CACHE_DIR", home.resolve("cache").toString());
        String binary = Cogauth.executable().toString();

        Process pool = start(bare, List.of(binary, "local-pool", "--port", "0"));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(pool.getInputStream(), StandardCharsets.UTF_8))) {
            String endpoint = out.readLine();
            assertTrue(endpoint != null && endpoint.startsWith("http://127.0.0.1:"), "the pool's endpoint line: " + endpoint);

            Process signin = start(bare, List.of(binary, "signin", "--pool-id", DemoPool.POOL_ID,
                    "--client-id", DemoPool.CLIENT_ID, "--endpoint-url", endpoint, "--auth-flow", "CUSTOM_WITH_SRP",
                    "-u", DemoPool.USERNAME, "--output", "json"));
            signin.getOutputStream().write((DemoPool.PASSWORD + "\n42\n").getBytes(StandardCharsets.UTF_8));
            signin.getOutputStream().close();
            String stdout = new String(signin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(signin.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(signin.waitFor(60, TimeUnit.SECONDS), "signin ended");
            assertEquals(0, signin.exitValue(), stderr);
            JsonNode tokens = JSON.readTree(stdout);
            assertTrue(tokens.path("IdToken").asText().split("\\.").length == 3, stdout);
            assertTrue(tokens.path("AccessToken").asText().split("\\.").length == 3, stdout);
        } finally {
            pool.destroy();
            pool.waitFor(10, TimeUnit.SECONDS);
            pool.destroyForcibly();
        }
    }

    private static Process start(Map<String, String> environment, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }
}
