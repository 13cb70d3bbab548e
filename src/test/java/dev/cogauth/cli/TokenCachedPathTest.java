package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.tokens.CacheKey;
import dev.cogauth.tokens.TokenCache;
import dev.cogauth.tokens.TokenEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cogauth token} with a fresh cached token is run hundreds of times by scripts: it must
 * not load picocli (its common invocations take {@link TokenFastPath}), the AWS SDK, JLine or Jackson
 * databind (the cache and the token's expiry are read with jackson-core's streaming parser). A JVM with
 * -verbose:class lists every class it loads.
 */
class TokenCachedPathTest {

    @TempDir
    Path home;

    private AuthenticationResult cacheFreshTokens() {
        AuthenticationResult tokens = TestJwts.tokens("alice", Instant.now().plusSeconds(3600), "refresh-x");
        new TokenCache(home.resolve("cache"), warning -> { }).store(TokenEntry.fromSignIn(
                new CacheKey("us-east-1", "us-east-1_AbC", "client1", "alice"), null, "http://127.0.0.1:9", tokens,
                Instant.now(), null, null));
        return tokens;
    }

    /** cogauth in a JVM of its own, reading the cache above. */
    private ProcessBuilder cogauth(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("COGAUTH_CACHE_DIR", home.resolve("cache").toString());
        builder.environment().remove("COGAUTH_PROFILE");
        return builder;
    }

    /** Runs it to its end: exit code and its merged output. */
    private static CliRun finish(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new CliRun(process.exitValue(), output, "");
    }

    private static String withoutClassLines(String output) {
        return output.lines().filter(l -> !l.startsWith("[")).collect(Collectors.joining("\n"));
    }

    @Test
    void fails_when_stdout_cannot_take_the_token() throws Exception {
        cacheFreshTokens();
        Process process = cogauth(List.of(), "token").redirectOutput(new java.io.File("/dev/full")).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue(), err);
        assertTrue(err.contains("cannot write the token to stdout"), err);
    }

    @Test
    void loads_no_picocli_aws_sdk_jline_or_jackson_databind_class() throws Exception {
        AuthenticationResult tokens = cacheFreshTokens();
        CliRun run = finish(cogauth(List.of("-verbose:class"), "token"));
        String output = run.out();
        assertEquals(0, run.exitCode(), withoutClassLines(output));
        assertTrue(output.contains(tokens.idToken()), "the token was printed");
        assertTrue(output.contains("dev.cogauth.tokens.FreshTokens"), "-verbose:class lists our classes");
        assertTrue(output.contains("com.fasterxml.jackson.core.JsonFactory"), "the cache was read with jackson-core");
        List<String> forbidden = output.lines()
                .filter(line -> line.contains(" picocli.") || line.contains("software.amazon.")
                        || line.contains("org.jline.") || line.contains("com.fasterxml.jackson.databind."))
                .limit(5)
                .toList();
        assertEquals(List.of(), forbidden);
    }

    /** The fast path leaves help to picocli, which shows it as ever. */
    @Test
    void help_is_still_picoclis() throws Exception {
        CliRun run = finish(cogauth(List.of("-verbose:class"), "token", "--help"));
        assertEquals(0, run.exitCode(), withoutClassLines(run.out()));
        assertTrue(run.out().contains("Usage: cogauth token"), withoutClassLines(run.out()));
        assertTrue(run.out().contains(" picocli.CommandLine "), "picocli ran");
    }
}
