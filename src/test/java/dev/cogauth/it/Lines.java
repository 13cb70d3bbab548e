package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines another party writes while a test watches (a process's stream, a pool's log), kept in
 * order; a test waits for the first line after a mark that matches a pattern. Thread-safe.
 */
final class Lines {
    private static final Duration POLL = Duration.ofMillis(20);

    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    /**
     * Follows {@code file}, which {@code writer} writes (its stdout or stderr redirected there),
     * into a new {@code Lines} on a daemon thread, until the writer has ended and the file is read.
     * A file rather than a pipe: when a process exits, the JDK may close its pipe under a
     * reading thread ("Stream closed") and the last lines, often the ones a test wants, are lost.
     */
    static Lines tail(Path file, ProcessHandle writer) {
        Lines lines = new Lines();
        Thread reader = new Thread(() -> {
            // Bytes, decoded per line: a FileInputStream reads what was appended after an end of file.
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                ByteArrayOutputStream partial = new ByteArrayOutputStream();
                boolean last = false;
                while (true) {
                    int b = in.read();
                    if (b == '\n') {
                        lines.add(partial.toString(StandardCharsets.UTF_8));
                        partial.reset();
                    } else if (b >= 0) {
                        partial.write(b);
                    } else if (last) {
                        break;
                    } else {
                        // At the end for now: read once more after the writer is gone, then stop.
                        last = !writer.isAlive();
                        Thread.sleep(last ? 0 : POLL.toMillis());
                    }
                }
                if (partial.size() > 0) {
                    lines.add(partial.toString(StandardCharsets.UTF_8));
                }
            } catch (IOException | InterruptedException e) {
                lines.add("(cannot read " + file + ": " + e + ")");
            } finally {
                lines.end();
            }
        }, "tail-" + file.getFileName());
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    synchronized void add(String line) {
        lines.add(line);
        notifyAll();
    }

    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Waits until the stream has ended (its writer closed it), at most {@code limit}. */
    synchronized void awaitEnd(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (!ended) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative()) {
                fail("the stream did not end within " + limit.toSeconds() + "s; lines:\n" + text());
            }
            try {
                wait(left.toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the end of a stream", e);
            }
        }
    }

    /** How many lines there are now: a mark to wait for later lines from. */
    synchronized int mark() {
        return lines.size();
    }

    synchronized List<String> all() {
        return List.copyOf(lines);
    }

    synchronized String text() {
        return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    }

    /**
     * The first line at index {@code from} or later that {@code pattern} finds something in;
     * fails with every line seen when none comes within {@code limit}.
     */
    Matcher await(Pattern pattern, int from, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        synchronized (this) {
            int next = from;
            while (true) {
                for (; next < lines.size(); next++) {
                    Matcher matcher = pattern.matcher(lines.get(next));
                    if (matcher.find()) {
                        return matcher;
                    }
                }
                Duration left = Duration.between(Instant.now(), deadline);
                if (ended || left.isNegative()) {
                    fail("no line matching /" + pattern + "/ " + (ended ? "before the stream ended" : "within "
                            + limit.toSeconds() + "s") + "; lines:\n" + text());
                }
                try {
                    wait(Math.min(left.toMillis() + 1, POLL.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a line", e);
                }
            }
        }
    }
}
