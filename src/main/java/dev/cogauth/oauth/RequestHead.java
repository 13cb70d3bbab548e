package dev.cogauth.oauth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The request line of one HTTP/1.1 request, read from a connection within a deadline for the whole head (not
 * per read, so a peer trickling a byte at a time cannot stretch it) and up to a size. The headers are read and
 * dropped: the loopback listener needs the method, path and query only.
 */
record RequestHead(String method, String path, String rawQuery) {

    /**
     * Empty when the head is larger than {@code limit} bytes.
     *
     * @throws SocketTimeoutException when the head did not come within {@code deadline}
     * @throws IOException            when the peer closed early or sent no HTTP request line
     */
    static Optional<RequestHead> read(Socket connection, Duration deadline, int limit) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        InputStream in = connection.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] terminator = {'\r', '\n', '\r', '\n'};
        int matched = 0;
        while (matched < terminator.length) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("the request head did not come in time");
            }
            connection.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before the request head ended");
            }
            if (head.size() >= limit) {
                return Optional.empty();
            }
            head.write(b);
            matched = b == terminator[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return Optional.of(parse(text.substring(0, text.indexOf("\r\n"))));
    }

    /** {@code GET /callback?code=x HTTP/1.1}. */
    static RequestHead parse(String requestLine) throws IOException {
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/") || !parts[1].startsWith("/")) {
            throw new IOException("not an HTTP request line");
        }
        try {
            URI target = new URI(parts[1]);
            return new RequestHead(parts[0], target.getRawPath(), target.getRawQuery());
        } catch (URISyntaxException e) {
            throw new IOException("not an HTTP request target", e);
        }
    }
}
