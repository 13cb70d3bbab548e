package dev.cogauth.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on loopback that reads each HTTP request whole, then writes the same raw bytes back and closes the
 * connection: a throttling answer, a page that is not JSON, half an answer, something that is not HTTP.
 */
final class MisbehavingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final byte[] answer;
    private final AtomicInteger requests = new AtomicInteger();

    private MisbehavingServer(byte[] answer) throws IOException {
        this.answer = answer;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "misbehaving-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers every request with these bytes, as they are. */
    static MisbehavingServer answering(String raw) throws IOException {
        return new MisbehavingServer(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with a complete HTTP response of this status, content type and body. */
    static MisbehavingServer http(int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return answering("HTTP/1.1 " + status + " Status\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n" + body);
    }

    String endpoint() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** How many requests came in: more than one means the client retried. */
    int requests() {
        return requests.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                readRequest(client.getInputStream());
                requests.incrementAndGet();
                client.getOutputStream().write(answer);
                client.getOutputStream().flush();
            } catch (IOException closedOrReset) {
                // closed by close(), or the client gave up: the next accept decides
            }
        }
    }

    /** Reads the headers and as much body as Content-Length says, so the client sees its request taken. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes((int) length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
