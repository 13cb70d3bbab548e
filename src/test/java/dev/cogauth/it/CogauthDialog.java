package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * cogauth as a process whose stdin stays open: the test waits for a question on its stderr,
 * does what it must (reads a code from the pool's log, moves the pool's clock), then writes the
 * answer. Piped, not a terminal, so the questions end in "(reading stdin)".
 * <pre>{@code try (CogauthDialog d = CogauthDialog.start(Cogauth.run(), "signin", ...)) { d.awaitQuestion("SMS"); ...}}</pre>
 */
final class CogauthDialog implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String[] args;
    private final Process process;
    private final OutputStream stdin;
    private final Lines stdout;
    private final Lines stderr;

    private CogauthDialog(String[] args, Process process, Path out, Path err) {
        this.args = args;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stdout = Lines.tail(out, process.toHandle());
        this.stderr = Lines.tail(err, process.toHandle());
    }

    /** Starts {@code cogauth args} with the environment {@code run} was given. */
    static CogauthDialog start(Cogauth run, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Cogauth.command(args));
        builder.environment().clear();
        builder.environment().putAll(run.environment());
        Path out = Files.createTempFile("cogauth-stdout-", ".txt");
        Path err = Files.createTempFile("cogauth-stderr-", ".txt");
        out.toFile().deleteOnExit();
        err.toFile().deleteOnExit();
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new CogauthDialog(args, process, out, err);
    }

    /** Waits until cogauth asks a question whose line contains {@code text}; returns that line. */
    String awaitQuestion(String text) {
        Pattern asked = Pattern.compile(".*" + Pattern.quote(text) + ".*\\(reading stdin\\)$");
        return stderr.await(asked, 0, WAIT).group();
    }

    /** Waits for a stderr line matching {@code pattern} (e.g. a secret cogauth shows); returns the first group or the line. */
    String awaitStderr(Pattern pattern) {
        var matcher = stderr.await(pattern, 0, WAIT);
        return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
    }

    void answer(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Closes stdin, waits for the end and returns what the run did. */
    Cogauth.Result finish() throws IOException, InterruptedException {
        try {
            stdin.close();
        } catch (IOException alreadyExited) {
            // cogauth may have stopped reading already: that is its answer.
        }
        if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            fail("cogauth did not finish within " + WAIT.toSeconds() + "s\n" + result(-1).describe());
        }
        // The reader threads may still hold the last lines; the streams are at their end now.
        stdout.awaitEnd(WAIT);
        stderr.awaitEnd(WAIT);
        return result(process.exitValue());
    }

    private Cogauth.Result result(int exitCode) {
        return new Cogauth.Result(List.of(args), exitCode, stdout.text(), stderr.text());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    List<String> stderrLines() {
        return stderr.all();
    }
}
