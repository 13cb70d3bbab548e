package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code cogauth local-pool --port 0 --log [args]} as a process, as users start it: the endpoint
 * is read from the first line of its stdout, and its stderr (steps, "sent" codes, trigger
 * failures) is kept in {@link #stderr()}. {@link #close} sends SIGTERM, as Ctrl-C would.
 */
final class LocalPoolProcess implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Pattern ENDPOINT = Pattern.compile("^http://127\\.0\\.0\\.1:\\d+$");

    private final Process process;
    private final Lines stderr;
    private final URI endpoint;

    private LocalPoolProcess(Process process, Lines stderr, URI endpoint) {
        this.process = process;
        this.stderr = stderr;
        this.endpoint = endpoint;
    }

    /** Starts the pool of {@code poolFile} (the demo pool when null) with {@code more} options. */
    static LocalPoolProcess start(Path poolFile, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("local-pool", "--port", "0", "--log"));
        if (poolFile != null) {
            args.addAll(List.of("--pool", poolFile.toString()));
        }
        args.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(Cogauth.command(args.toArray(String[]::new)))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(Cogauth.run().environment());
        Path out = Files.createTempFile("local-pool-stdout-", ".txt");
        Path err = Files.createTempFile("local-pool-stderr-", ".txt");
        out.toFile().deleteOnExit();
        err.toFile().deleteOnExit();
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Lines stdout = Lines.tail(out, process.toHandle());
        Lines stderr = Lines.tail(err, process.toHandle());
        try {
            String first = stdout.await(Pattern.compile(".+"), 0, STARTUP).group();
            if (!ENDPOINT.matcher(first).matches()) {
                fail("local-pool's first stdout line is not its endpoint: " + first + "\nstderr:\n" + stderr.text());
            }
            return new LocalPoolProcess(process, stderr, URI.create(first));
        } catch (AssertionError | RuntimeException e) {
            process.destroyForcibly();
            throw new AssertionError(e.getMessage() + "\nlocal-pool stderr:\n" + stderr.text(), e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    Lines stderr() {
        return stderr;
    }

    /** The pool's JVM, to read its threads and memory from {@code /proc}. */
    long pid() {
        return process.pid();
    }

    /** Stops it with SIGTERM; returns its exit code, failing if it does not stop within 10 s. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("local-pool did not stop within 10s of SIGTERM; stderr:\n" + stderr.text());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
