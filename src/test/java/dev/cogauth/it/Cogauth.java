package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs cogauth as users do, {@code java -jar cogauth.jar args...} or the native binary given by
 * the {@code cogauth.executable} system property, with a clean
 * environment (PATH, HOME, JAVA_HOME and what the test gives: no inherited COGAUTH_* variables),
 * the given stdin and a timeout.
 * <pre>{@code Cogauth.run().stdin("secret\n").env("COGAUTH_PASSWORD", "x").exec("signin", ...)}</pre>
 */
final class Cogauth {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Inherited from the test's own environment, when set; nothing else is. */
    private static final List<String> PASSED_THROUGH = List.of("PATH", "HOME", "JAVA_HOME");

    private final Map<String, String> env = new LinkedHashMap<>();
    private byte[] stdin = new byte[0];
    private Duration timeout = DEFAULT_TIMEOUT;
    /** Where stdout goes instead of being captured (a full disk: /dev/full), or null. */
    private Path stdoutFile;

    private Cogauth() {
        for (String name : PASSED_THROUGH) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        // signin caches tokens by default: keep them out of the real ~/.cache (a test may set its own).
        env.put("COGAUTH_CACHE_DIR", TEST_CACHE.toString());
    }

    /** One throwaway token cache per test JVM. */
    private static final Path TEST_CACHE = testCache();

    private static Path testCache() {
        try {
            Path dir = Files.createTempDirectory("cogauth-it-cache-");
            dir.toFile().deleteOnExit();
            return dir.resolve("cogauth");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A run with empty stdin (closed at once) and the clean environment. */
    static Cogauth run() {
        return new Cogauth();
    }

    /** The jar under test: failsafe's {@code cogauth.jar} system property. */
    static Path jar() {
        String path = System.getProperty("cogauth.jar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            fail("system property cogauth.jar must name the packaged jar (run the ITs with mvn verify); got " + path);
        }
        return Path.of(path);
    }

    /**
     * The native executable under test instead of the jar: failsafe's {@code cogauth.executable}
     * system property ({@code mvn -Pnative verify -Dcogauth.executable=target/cogauth}), or null.
     */
    static Path executable() {
        String path = System.getProperty("cogauth.executable", "");
        if (path.isBlank()) {
            return null;
        }
        Path executable = Path.of(path).toAbsolutePath();
        if (!Files.isExecutable(executable)) {
            fail("system property cogauth.executable must name the native binary; got " + path);
        }
        return executable;
    }

    /**
     * The command line that starts cogauth under test with these arguments, for any launcher (a
     * terminal, a background pool): the native executable when one is given, else the jar on this JVM.
     */
    static List<String> command(String... args) {
        Path executable = executable();
        List<String> command = new ArrayList<>();
        if (executable != null) {
            command.add(executable.toString());
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Faster start-up for short runs; it changes nothing cogauth does. No perf-data file, as the
                    // launcher: concurrent runs under load could otherwise warn on stderr about locking one.
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                    "-jar", jar().toString()));
        }
        command.addAll(List.of(args));
        return command;
    }

    /** The clean environment plus what the test gave, for other launchers. */
    Map<String, String> environment() {
        return Map.copyOf(env);
    }

    Cogauth env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** These bytes on stdin, then end of input. */
    Cogauth stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** One line per answer, in the order cogauth will ask. */
    Cogauth answers(String... lines) {
        return stdin(lines.length == 0 ? "" : String.join("\n", lines) + "\n");
    }

    /** Sends stdout to {@code file} instead of capturing it; the result's stdout is then empty. */
    Cogauth stdoutTo(Path file) {
        stdoutFile = file;
        return this;
    }

    Cogauth timeout(Duration limit) {
        timeout = limit;
        return this;
    }

    Result exec(String... args) {
        List<String> command = command(args);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("cogauth-stdout-", ".txt");
            err = Files.createTempFile("cogauth-stderr-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(stdoutFile != null ? stdoutFile.toFile() : out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException exitedBeforeReading) {
                // cogauth may stop before reading everything (an early error): that is its answer.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                fail("cogauth did not finish within " + timeout.toSeconds() + "s\n"
                        + new Result(List.of(args), -1, read(out), read(err)).describe());
            }
            return new Result(List.of(args), process.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running cogauth", e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // A temp file left behind is harmless.
        }
    }

    /** What one run did. Assertions on it print both streams when they fail. */
    record Result(List<String> args, int exitCode, String stdout, String stderr) {

        Result assertExit(int expected) {
            assertEquals(expected, exitCode, () -> "exit code\n" + describe());
            return this;
        }

        /** Asserts {@code condition} with {@code what} and both streams as the failure message. */
        Result check(boolean condition, String what) {
            assertTrue(condition, () -> what + "\n" + describe());
            return this;
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        /** The lines cogauth wrote as its final word ("cogauth: ..."), prompts excluded. */
        List<String> errorLines() {
            return stderr.lines().filter(line -> line.startsWith("cogauth: ")).toList();
        }

        boolean hasStackTrace() {
            return stderr.contains("\tat ") || stderr.contains("Exception in thread") || stdout.contains("\tat ");
        }

        String describe() {
            return "cogauth " + String.join(" ", args) + "\nexit code: " + exitCode
                    + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr + "\n--- end ---";
        }
    }
}
