package dev.cogauth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One output stream of a program cogauth runs, read on its own thread (so no pipe fills and blocks the program)
 * and kept to a cap: a program that writes without end costs a few kilobytes, not the heap. Past the cap the
 * reading stops and {@link #overflow()} completes. Lines go to a consumer as they end; a last line without a
 * line feed counts once the stream ends.
 */
final class CappedOutput {
    private final int cap;
    private final Consumer<String> eachLine;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private final CompletableFuture<Void> overflow = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private String lastLine;

    private CappedOutput(int cap, Consumer<String> eachLine) {
        this.cap = cap;
        this.eachLine = eachLine;
    }

    /** Starts reading {@code stream}, keeping at most {@code cap} characters. */
    static CappedOutput read(InputStream stream, int cap, Consumer<String> eachLine, String threadName) {
        CappedOutput output = new CappedOutput(cap, eachLine);
        Thread thread = new Thread(() -> output.drain(stream), threadName);
        thread.setDaemon(true);
        thread.start();
        return output;
    }

    private void drain(InputStream stream) {
        char[] chunk = new char[4096];
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            for (int n = reader.read(chunk); n >= 0; n = reader.read(chunk)) {
                if (!take(chunk, n)) {
                    overflow.complete(null);
                    return;
                }
            }
            endLastLine();
        } catch (IOException closed) {
            // The program was stopped: what it wrote so far is all there is.
        } finally {
            ended.complete(null);
        }
    }

    /** @return false when the chunk would pass the cap (then nothing of it is kept) */
    private synchronized boolean take(char[] chunk, int n) {
        if (text.length() + n > cap) {
            return false;
        }
        text.append(chunk, 0, n);
        for (int i = 0; i < n; i++) {
            if (chunk[i] == '\n') {
                endLine();
            } else {
                line.append(chunk[i]);
            }
        }
        return true;
    }

    /** At the end of the stream: a last line without a line feed still counts. */
    private synchronized void endLastLine() {
        if (!line.isEmpty()) {
            endLine();
        }
    }

    private synchronized void endLine() {
        lastLine = strip(line.toString());
        line.setLength(0);
        eachLine.accept(lastLine);
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Completes when the program wrote more than the cap. */
    CompletableFuture<Void> overflow() {
        return overflow;
    }

    /**
     * Waits for the end of the stream: prompt once every writer is gone. A writer cogauth could not stop (a
     * detached grandchild where no process group could be made) is given {@code patience}, then what came counts.
     */
    void awaitEnd(long patienceMillis) {
        try {
            ended.get(patienceMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception stillOpen) {
            // what was read so far is the output
        }
    }

    /** The first line, with or without its line feed; null if nothing came. */
    synchronized String firstLine() {
        if (text.isEmpty()) {
            return null;
        }
        int end = text.indexOf("\n");
        return strip(end < 0 ? text.toString() : text.substring(0, end));
    }

    /** The last line so far, ended or not, or null. */
    synchronized String lastLine() {
        return line.isEmpty() ? lastLine : strip(line.toString());
    }
}
