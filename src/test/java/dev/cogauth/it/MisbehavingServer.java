package dev.cogauth.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on loopback that reads each HTTP request whole, then writes the same raw bytes back and closes the
 * connection: a throttling answer, a page that is not JSON, half an answer, something that is not HTTP; or
 * answers never, or a byte at a time.
 */
final class MisbehavingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Answer answer;
    private final AtomicInteger requests = new AtomicInteger();

    /** What the server does once a request was read. */
    @FunctionalInterface
    private interface Answer {
        void write(OutputStream out, ServerSocket server) throws IOException, InterruptedException;
    }

    private MisbehavingServer(byte[] answer) throws IOException {
        this((out, server) -> out.write(answer));
    }

    private MisbehavingServer(Answer answer) throws IOException {
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

    /** Takes each request and never answers it, holding the connection until closed. */
    static MisbehavingServer silent() throws IOException {
        return new MisbehavingServer((out, server) -> {
            while (!server.isClosed()) {
                Thread.sleep(100);
            }
        });
    }

    /** Answers 200 with a long JSON body, one byte every {@code every}: never done, never idle for long. */
    static MisbehavingServer trickling(Duration every) throws IOException {
        return new MisbehavingServer((out, server) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                    .getBytes(StandardCharsets.UTF_8));
            while (!server.isClosed()) {
                out.flush();
                Thread.sleep(every.toMillis());
                out.write(' ');
            }
        });
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
                answer.write(client.getOutputStream(), socket);
                client.getOutputStream().flush();
            } catch (IOException closedOrReset) {
                // closed by close(), or the client gave up: the next accept decides
            } catch (InterruptedException e) {
                return;
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
