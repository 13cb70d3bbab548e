package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command in a real pseudo-terminal: a detached tmux session (200x50) on its own socket, driven
 * with send-keys and read with capture-pane. The command's exit code is printed into the pane
 * as {@code EXIT=<n>} afterwards. Missing tmux skips the test, or fails it with CI=true.
 */
final class Tty implements AutoCloseable {
    private static final String SESSION = "cogauth-it";
    private static final Pattern EXIT = Pattern.compile("(?m)^EXIT=(\\d+)\\s*$");
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path tmux;
    private final Path directory;
    private final Path socket;

    private Tty(Path tmux, Path directory) {
        this.tmux = tmux;
        this.directory = directory;
        this.socket = directory.resolve("tmux.sock");
    }

    /**
     * Starts {@code command} with exactly {@code env} (plus the pane's TERM) in a new terminal.
     */
    static Tty start(Map<String, String> env, List<String> command) throws IOException {
        Path tmux = RequiredTool.require("tmux", "the test that drives cogauth in a real terminal");
        Tty tty = new Tty(tmux, Files.createTempDirectory("cogauth-tty-"));
        // The wrapper shell must outlive a Ctrl-C sent to the command: a trap (not '') catches it
        // here while the command still gets SIGINT's default disposition.
        StringBuilder line = new StringBuilder("trap 'true' INT; env -i");
        env.forEach((name, value) -> line.append(' ').append(quote(name + "=" + value)));
        line.append(" TERM=\"$TERM\"");
        command.forEach(arg -> line.append(' ').append(quote(arg)));
        // Keep the pane open after the command so its last screen and exit code can be read.
        line.append("; echo EXIT=$?; sleep 600");
        tty.tmux("-f", "/dev/null", "new-session", "-d", "-x", "200", "-y", "50", "-s", SESSION, "sh", "-c", line.toString());
        return tty;
    }

    /** Types {@code text} literally, as keystrokes. */
    void type(String text) throws IOException {
        tmux("send-keys", "-t", SESSION, "-l", text);
    }

    /** Types {@code text} and presses Enter. */
    void typeLine(String text) throws IOException {
        type(text);
        keys("Enter");
    }

    /** Presses keys by tmux name: {@code Enter}, {@code C-c}, {@code C-d}. */
    void keys(String... names) throws IOException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(names));
        tmux(args.toArray(String[]::new));
    }

    /** What the terminal shows now, including the lines scrolled off. */
    String screen() throws IOException {
        return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", SESSION);
    }

    /** Waits until the screen shows {@code text}; fails with the screen after {@code limit}. */
    String awaitText(String text, Duration limit) throws IOException {
        Instant deadline = Instant.now().plus(limit);
        String screen = screen();
        while (!screen.contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                fail("the terminal did not show '" + text + "' within " + limit.toSeconds() + "s; screen:\n" + screen);
            }
            pause();
            screen = screen();
        }
        return screen;
    }

    /** Waits for the command to end and returns its exit code. */
    int awaitExit(Duration limit) throws IOException {
        Instant deadline = Instant.now().plus(limit);
        String screen = screen();
        Matcher exit = EXIT.matcher(screen);
        while (!exit.find()) {
            if (Instant.now().isAfter(deadline)) {
                fail("the command did not end within " + limit.toSeconds() + "s; screen:\n" + screen);
            }
            pause();
            screen = screen();
            exit = EXIT.matcher(screen);
        }
        return Integer.parseInt(exit.group(1));
    }

    @Override
    public void close() throws IOException {
        try {
            tmux("kill-server");
        } catch (IOException alreadyGone) {
            // The server ends by itself when its session does; nothing is left to stop.
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(directory);
        }
    }

    private String tmux(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(tmux.toString(), "-S", socket.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("tmux " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running tmux", e);
        }
        return output;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching the terminal", e);
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
