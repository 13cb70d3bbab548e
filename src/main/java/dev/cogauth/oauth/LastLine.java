package dev.cogauth.oauth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The last non-blank line a child process wrote to a stream, read to its end in the background so the child
 * never blocks on a full pipe; at most {@link #MAX} characters of it, control characters shown as '?'.
 */
final class LastLine {
    static final int MAX = 300;
    private static final long WAIT_MILLIS = 1000;

    private final CompletableFuture<String> line = new CompletableFuture<>();

    private LastLine() {
    }

    static LastLine readInBackground(InputStream stream) {
        LastLine last = new LastLine();
        Thread reader = new Thread(() -> last.read(stream), "cogauth-browser-stderr");
        reader.setDaemon(true);
        reader.start();
        return last;
    }

    /** The line once the stream ended; empty when it does not end soon (a child of the command kept it open). */
    String await() throws InterruptedException {
        try {
            return line.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return "";
        }
    }

    private void read(InputStream stream) {
        String last = "";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            int c;
            StringBuilder current = new StringBuilder();
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    if (!current.toString().isBlank()) {
                        last = current.toString().strip();
                    }
                    current.setLength(0);
                } else if (current.length() < MAX) {
                    current.append(Character.isISOControl(c) ? '?' : (char) c);
                }
            }
            if (!current.toString().isBlank()) {
                last = current.toString().strip();
            }
        } catch (IOException ignored) {
            // the child went away: keep what was read
        }
        line.complete(last);
    }
}
