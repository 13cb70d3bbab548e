package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.DemoPool;
import dev.cogauth.localpool.definition.PoolLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cogauth local-pool} as a process under the load that once grew it from 122 MB to 400
 * MB for good: bursts of concurrent sign-ins and a slowloris flood. What must hold is behaviour,
 * read from outside: the process never runs more request threads than its limit, every
 * slowloris connection is closed within a bounded time, and the pool serves afterwards.
 * (Session-store bounds are LocalPoolLimitsTest's; its default capacity is far above this load.)
 */
class LocalPoolSoakIT {
    private static final String SERVICE = "AWSCognitoIdentityProviderService.";
    /** JVM threads that come and go besides the request threads (compiler, GC, the client's own). */
    private static final int OTHER_THREADS = 24;

    private static LocalPoolProcess pool;
    private static int baselineThreads;

    @BeforeAll
    static void start() throws Exception {
        pool = LocalPoolProcess.start(null);
        assertEquals(200, startSignIn(HttpClient.newHttpClient()).join().statusCode());
        baselineThreads = threads();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pool != null) {
            pool.close();
        }
    }

    /** Threads of the pool's JVM, from /proc. */
    private static int threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pool.pid()), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring("Threads:".length()).strip());
            }
        }
        throw new AssertionError("no Threads line in /proc/" + pool.pid() + "/status");
    }

    private static void threadsWithinTheLimit(String when) throws IOException {
        int threads = threads();
        assertTrue(threads <= baselineThreads + PoolLimits.DEFAULT.threads() + OTHER_THREADS,
                () -> when + ": " + threads + " threads, " + baselineThreads + " at rest");
    }

    /** CUSTOM_AUTH without SRP on the demo pool: one Session and the question. */
    private static CompletableFuture<HttpResponse<String>> startSignIn(HttpClient http) {
        String body = "{\"AuthFlow\":\"CUSTOM_AUTH\",\"ClientId\":\"" + DemoPool.CLIENT_ID
                + "\",\"AuthParameters\":{\"USERNAME\":\"" + DemoPool.USERNAME + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(pool.endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", SERVICE + "InitiateAuth")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void burstsOfConcurrentSignInsAreServedWithinTheThreadLimit() throws Exception {
        // HTTP/1.1: a connection per request in flight, as that many callers would open.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // 1 200 sign-ins in bursts a shared CI machine serves within the request time (a request
        // waiting for a thread counts against it too).
        for (int round = 0; round < 4; round++) {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                burst.add(startSignIn(http));
            }
            threadsWithinTheLimit("during burst " + round);
            for (CompletableFuture<HttpResponse<String>> reply : burst) {
                HttpResponse<String> response = reply.join();
                assertEquals(200, response.statusCode(), response::body);
            }
            threadsWithinTheLimit("after burst " + round);
        }
    }

    @Test
    void slowlorisConnectionsAreClosedAndHoldNoMoreThreadsThanTheLimit() throws Exception {
        int flood = PoolLimits.DEFAULT.connections() + 100;
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < flood; i++) {
                slow.add(slowHeaders(pool.endpoint()));
            }
            threadsWithinTheLimit("under slowloris");
            long cutOff = PoolLimits.DEFAULT.requestTime().toSeconds() + 20;
            for (Socket socket : slow) {
                socket.setSoTimeout((int) (cutOff * 1000));
                try (InputStream in = socket.getInputStream()) {
                    in.read(); // the end of the stream, or a reset: either way the pool hung up
                } catch (SocketTimeoutException keptOpen) {
                    throw new AssertionError("a slowloris connection was kept open for " + cutOff + " s", keptOpen);
                } catch (IOException reset) {
                    // closed by the pool
                }
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        threadsWithinTheLimit("after slowloris");
        assertEquals(200, startSignIn(HttpClient.newHttpClient()).join().statusCode(), "the pool serves again");
    }

    /** A connection that sends the start of a request's headers and then nothing. */
    private static Socket slowHeaders(URI endpoint) throws IOException {
        Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
        OutputStream out = socket.getOutputStream();
        out.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
