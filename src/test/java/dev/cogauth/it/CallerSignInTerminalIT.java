package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.localpool.DemoPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sign-in the caller allows, in a real terminal (tmux): {@code exec-credential} with kubectl's
 * {@code spec.interactive: true} and an empty cache signs in on {@code /dev/tty}, while its stdin
 * is {@code /dev/null} and its stdout and stderr are files, as a caller's pipes would be; the
 * ExecCredential lands in the stdout file and nothing of the dialogue does.
 */
class CallerSignInTerminalIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static InProcessPool pool;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() throws Exception {
        pool = InProcessPool.start(DemoPool.definition(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
    }

    /** {@code cogauth args} with stdin from /dev/null and stdout, stderr into files, in the terminal. */
    private List<String> redirected(String... args) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "\"$@\" </dev/null >\"$OUT\" 2>\"$ERR\"", "sh"));
        command.addAll(Cogauth.command(args));
        return command;
    }

    private Tty start(String execInfo, String... args) throws Exception {
        Cogauth run = Cogauth.run().env("NO_COLOR", "1").env("COGAUTH_CACHE_DIR", temp.resolve("cache").toString())
                .env("OUT", temp.resolve("out").toString()).env("ERR", temp.resolve("err").toString())
                .env("KUBERNETES_EXEC_INFO", execInfo);
        return Tty.start(run.environment(), redirected(args));
    }

    private static String[] execCredential() {
        return new String[] {"exec-credential", "--pool-id", DemoPool.POOL_ID, "--client-id", DemoPool.CLIENT_ID,
            "--endpoint-url", pool.endpoint().toString(), "--auth-flow", "CUSTOM_WITH_SRP", "-u", DemoPool.USERNAME};
    }

    @Test
    void kubectlInteractiveSignsInOnTheTerminalAndPrintsTheExecCredential() throws Exception {
        try (Tty tty = start("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":true}}",
                execCredential())) {
            String asked = tty.awaitText("Password", WAIT);
            assertTrue(asked.contains("kubectl needs a sign-in"), () -> "says why it asks:\n" + asked);
            tty.typeLine(DemoPool.PASSWORD);
            String question = tty.awaitText("What is 6 times 7?", WAIT);
            assertFalse(question.contains(DemoPool.PASSWORD), () -> "the password was echoed:\n" + question);
            tty.typeLine("42");
            int exit = tty.awaitExit(WAIT);
            String screen = tty.screen();
            String err = Files.readString(temp.resolve("err"));
            assertEquals(0, exit, () -> "exit code; screen:\n" + screen + "\nstderr:\n" + err);
            assertFalse(screen.contains(DemoPool.PASSWORD), () -> "the password was echoed:\n" + screen);
            assertFalse(screen.contains("eyJ"), () -> "no token on the terminal:\n" + screen);

            String out = Files.readString(temp.resolve("out"));
            JsonNode credential = JSON.readTree(out);
            assertEquals("ExecCredential", credential.path("kind").asText(), out);
            assertTrue(credential.path("status").path("token").asText().startsWith("eyJ"), out);
            assertFalse(out.contains("Password") || err.contains("Password"), "the dialogue stays on the terminal");
        }
        // Now cached: the next call prints without asking.
        Cogauth.Result again = Cogauth.run().env("COGAUTH_CACHE_DIR", temp.resolve("cache").toString())
                .env("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":"
                        + "{\"interactive\":false}}")
                .exec(execCredential()).assertExit(0);
        again.check(again.stdout().contains("\"ExecCredential\""), "the cached sign-in serves the next call");
    }

    @Test
    void kubectlNotInteractiveKeepsExit4WithoutPrompting() throws Exception {
        try (Tty tty = start("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":false}}",
                execCredential())) {
            int exit = tty.awaitExit(WAIT);
            String screen = tty.screen();
            String err = Files.readString(temp.resolve("err"));
            assertEquals(4, exit, () -> "exit code; screen:\n" + screen + "\nstderr:\n" + err);
            assertFalse(screen.contains("Password"), () -> "no prompt:\n" + screen);
            assertTrue(err.contains("run cogauth signin"), err);
            assertEquals("", Files.readString(temp.resolve("out")));
        }
    }
}
