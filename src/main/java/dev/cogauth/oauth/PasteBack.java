package dev.cogauth.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads, in the background, the address a browser ended on as the user pastes it (one line each), and offers
 * its query to the listener, which checks the state as for a redirect. A line that is not this sign-in's is
 * answered on stderr and the next one read, so a typo costs nothing; at the end of input the listener alone
 * waits on. Whichever comes first, the paste or the redirect, is taken.
 */
final class PasteBack {
    /** Longer than any redirect address; more of a line is dropped, not kept. */
    static final int LINE_LIMIT = 16 * 1024;

    private final InputStream in;
    private final LoopbackListener listener;
    private final Consumer<String> tell;

    private PasteBack(InputStream in, LoopbackListener listener, Consumer<String> tell) {
        this.in = in;
        this.listener = listener;
        this.tell = tell;
    }

    static void start(InputStream in, LoopbackListener listener, Consumer<String> tell) {
        Thread reader = new Thread(new PasteBack(in, listener, tell)::run, "cogauth-paste-back");
        reader.setDaemon(true);
        reader.start();
    }

    private void run() {
        while (true) {
            Optional<String> line = readLine();
            if (line.isEmpty()) {
                return; // end of input: the redirect may still come
            }
            if (line.get().isBlank()) {
                continue;
            }
            Optional<Map<String, String>> query = PastedRedirect.query(line.get());
            if (query.isEmpty()) {
                tell.accept("cogauth: that is not an address with a query (?code=...&state=...); paste the whole"
                        + " address your browser ended on");
                continue;
            }
            Optional<String> refusal = listener.offer(query.get());
            if (refusal.isEmpty()) {
                return;
            }
            tell.accept("cogauth: not this sign-in's address. " + refusal.get() + " Paste the address of this sign-in,"
                    + " or finish it in the browser.");
        }
    }

    /** One line, at most {@link #LINE_LIMIT} characters of it; empty at the end of input. */
    private Optional<String> readLine() {
        StringBuilder line = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (line.length() < LINE_LIMIT) {
                    line.append((char) b);
                }
            }
            if (b < 0 && line.length() == 0) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
}
