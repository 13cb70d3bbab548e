package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted sign-in (stdin from a file) to a plain-http pool loads neither JLine (stdin is no terminal, so it is
 * not probed) nor the JDK's TLS stack (nothing uses it), and still signs in with a custom question.
 */
class LeanSignInIT {
    private static final List<String> PROXY_SETTINGS = List.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy");

    @TempDir
    static Path dir;
    private static LocalPoolProcess pool;

    @BeforeAll
    static void startPool() throws Exception {
        pool = LocalPoolProcess.start(ItResources.path("pool.json"));
    }

    @AfterAll
    static void stopPool() throws Exception {
        if (pool != null) {
            pool.stop();
            pool.stderr().awaitEnd(Duration.ofSeconds(60));  // returns at the end; generous for a loaded machine
        }
    }

    @Test
    void loadsNoTerminalLibraryAndNoTls() throws IOException {
        Path answers = Files.writeString(dir.resolve("answers"), "Alice-Passw0rd!\n42\n");
        Path classes = dir.resolve("classes.log");
        List<String> command = new java.util.ArrayList<>(Cogauth.javaCommand("signin", "--pool-id", "us-east-1_ItPool",
                "--client-id", "itpublicclient", "--endpoint-url", pool.endpoint().toString(),
                "--auth-flow", "CUSTOM_WITH_SRP", "-u", "alice", "--no-store", "-o", "json"));
        command.add(1, "-Xlog:class+load=info:file=" + classes);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(answers.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("COGAUTH_") || PROXY_SETTINGS.contains(name));
        ProcessRun run = ProcessRun.finish(builder.start());

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("\"IdToken\""), run.toString());
        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
        assertTrue(loaded.stream().anyMatch(line -> line.contains(" dev.cogauth.api.SdkCognitoApi ")),
                "class loading was logged");
        assertEquals(List.of(), loaded.stream().filter(line -> line.contains(" org.jline.")).limit(5).toList(),
                "JLine was loaded although stdin is a file");
        assertEquals(List.of(), loaded.stream().filter(line -> line.contains(" javax.net.ssl.SSLContext ")).toList(),
                "a TLS context was built for a plain-http endpoint");
    }
}
