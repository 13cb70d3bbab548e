package dev.cogauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoopbackListenerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LoopbackListener.Check STATE_S1 = query -> "s 1".equals(query.get("state"))
            ? Optional.empty() : Optional.of("wrong state.");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void takes_the_redirect_with_the_right_state_answers_the_given_page_and_refuses_a_second() throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        try (LoopbackListener listener = LoopbackListener.start(base + "/callback", STATE_S1, () -> { })) {
            assertEquals(404, get(base + "/favicon.ico").statusCode());
            CompletableFuture<HttpResponse<String>> browser = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + "/callback?code=abc&state=s%201")).build(),
                    HttpResponse.BodyHandlers.ofString());
            LoopbackListener.Callback callback = listener.await(WAIT);
            assertEquals("abc", callback.parameter("code").orElseThrow());
            assertEquals("s 1", callback.parameter("state").orElseThrow());
            HttpResponse<String> second = get(base + "/callback?code=other&state=s%201");
            assertEquals(409, second.statusCode());
            callback.respond(HtmlPage.callback(true, "Signed in", "done"));
            HttpResponse<String> first = browser.get();
            assertEquals(200, first.statusCode());
            assertTrue(first.body().contains("Signed in"), first.body());
        }
        assertThrows(IOException.class, () -> get(base + "/callback?code=late"));
    }

    @Test
    void a_forged_or_stateless_request_gets_an_error_page_and_the_real_redirect_is_still_taken() throws Exception {
        String base = "http://127.0.0.1:" + freePort();
        AtomicInteger refused = new AtomicInteger();
        try (LoopbackListener listener = LoopbackListener.start(base + "/callback", STATE_S1,
                refused::incrementAndGet)) {
            HttpResponse<String> forged = get(base + "/callback?code=x&state=wrong");
            assertEquals(400, forged.statusCode());
            assertTrue(forged.body().contains("wrong state."), forged.body());
            assertEquals(400, get(base + "/callback?code=x").statusCode());
            assertEquals(404, post(base + "/callback?code=x&state=s%201").statusCode());
            assertEquals(2, refused.get());
            CompletableFuture<HttpResponse<String>> browser = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + "/callback?code=real&state=s%201")).build(),
                    HttpResponse.BodyHandlers.ofString());
            LoopbackListener.Callback callback = listener.await(WAIT);
            assertEquals("real", callback.parameter("code").orElseThrow());
            callback.respond(HtmlPage.callback(true, "Signed in", "done"));
            assertEquals(200, browser.get().statusCode());
        }
    }

    @Test
    void a_pasted_query_is_checked_and_taken_like_a_redirect() throws Exception {
        String base = "http://127.0.0.1:" + freePort();
        try (LoopbackListener listener = LoopbackListener.start(base + "/cb", STATE_S1, () -> { })) {
            assertEquals(Optional.of("wrong state."), listener.offer(Map.of("code", "c", "state", "other")));
            assertEquals(Optional.empty(), listener.offer(Map.of("code", "pasted", "state", "s 1")));
            assertEquals("pasted", listener.await(WAIT).parameter("code").orElseThrow());
            assertEquals(409, get(base + "/cb?code=late&state=s%201").statusCode());
        }
    }

    @Test
    void localhost_is_held_on_both_loopback_addresses() throws Exception {
        assumeTrue(LoopbackAddresses.hasIpv6Loopback(), "this machine has no IPv6 loopback (::1)");
        int port = freePort();
        try (LoopbackListener listener = LoopbackListener.start("http://localhost:" + port + "/cb", STATE_S1,
                () -> { })) {
            assertEquals(400, rawStatus(InetAddress.getByName("::1"), port, "GET /cb?state=x HTTP/1.1\r\n\r\n"));
            assertEquals(400, rawStatus(InetAddress.getByName("127.0.0.1"), port, "GET /cb HTTP/1.1\r\n\r\n"));
        }
    }

    @Test
    void another_process_holding_the_ipv6_loopback_port_stops_a_localhost_listener() throws Exception {
        assumeTrue(LoopbackAddresses.hasIpv6Loopback(), "this machine has no IPv6 loopback (::1)");
        try (ServerSocket attacker = new ServerSocket()) {
            attacker.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            int port = attacker.getLocalPort();
            String uri = "http://localhost:" + port + "/cb";
            BrowserSignInException e = assertThrows(BrowserSignInException.class,
                    () -> LoopbackListener.start(uri, STATE_S1, () -> { }));
            assertEquals(BrowserSignInException.Kind.UNUSABLE_REDIRECT, e.kind());
            assertTrue(e.getMessage().contains("port " + port + " on [::1] is in use"), e.getMessage());
            // What it bound before failing was let go: 127.0.0.1 on that port is free again.
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertEquals(port, again.getLocalPort());
            }
        }
    }

    /** More idle connections than workers and queue places together: the browser's still gets its turn. */
    @Test
    void slow_connections_do_not_starve_the_browser_and_are_dropped_after_the_head_deadline() throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        List<Socket> slow = new ArrayList<>();
        try (LoopbackListener listener = LoopbackListener.start(base + "/cb", STATE_S1, () -> { })) {
            for (int i = 0; i < LoopbackListener.WORKERS + LoopbackListener.QUEUED + 10; i++) {
                Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port);
                socket.getOutputStream().write("GET /cb?state=s%201 HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            CompletableFuture<HttpResponse<String>> browser = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + "/cb?code=real&state=s%201")).build(),
                    HttpResponse.BodyHandlers.ofString());
            LoopbackListener.Callback callback = listener.await(WAIT);
            callback.respond(HtmlPage.callback(true, "Signed in", "done"));
            assertEquals(200, browser.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode());
            // Each slow connection is closed by the listener once its head deadline passed.
            for (Socket socket : slow) {
                socket.setSoTimeout((int) WAIT.toMillis());
                assertEquals(-1, drain(socket.getInputStream()), "closed without an answer");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void an_oversized_head_is_refused() throws Exception {
        int port = freePort();
        try (LoopbackListener listener = LoopbackListener.start("http://127.0.0.1:" + port + "/cb", STATE_S1,
                () -> { })) {
            String huge = "GET /cb HTTP/1.1\r\nX-Big: " + "a".repeat(LoopbackListener.HEAD_LIMIT) + "\r\n\r\n";
            assertEquals(431, rawStatus(InetAddress.getByName("127.0.0.1"), port, huge));
        }
    }

    @Test
    void a_request_after_the_redirect_does_not_cut_off_the_browsers_page() throws Exception {
        String base = "http://127.0.0.1:" + freePort();
        LoopbackListener listener = LoopbackListener.start(base + "/cb", STATE_S1, () -> { });
        CompletableFuture<HttpResponse<String>> browser;
        try {
            browser = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/cb?code=real&state=s%201")).build(),
                    HttpResponse.BodyHandlers.ofString());
            LoopbackListener.Callback callback = listener.await(WAIT);
            assertEquals(409, get(base + "/cb?code=late&state=s%201").statusCode());
            assertEquals(404, get(base + "/favicon.ico").statusCode());
            callback.respond(HtmlPage.callback(true, "Signed in", "done"));
        } finally {
            listener.close();
        }
        HttpResponse<String> page = browser.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Signed in"), page.body());
    }

    @Test
    void refuses_non_loopback_redirect_uris() {
        assertThrows(IllegalArgumentException.class, () -> LoopbackListener.start("http://example.com:8400/cb",
                STATE_S1, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> LoopbackAddresses.of("192.0.2.1"));
        assertTrue(LoopbackAddresses.of("localhost").stream().allMatch(InetAddress::isLoopbackAddress));
        assertTrue(LoopbackAddresses.of("localhost").contains(InetAddress.getLoopbackAddress()));
    }

    @Test
    void a_port_in_use_is_an_unusable_redirect_naming_the_uri() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String uri = "http://127.0.0.1:" + taken.getLocalPort() + "/";
            BrowserSignInException e = assertThrows(BrowserSignInException.class,
                    () -> LoopbackListener.start(uri, STATE_S1, () -> { }));
            assertEquals(BrowserSignInException.Kind.UNUSABLE_REDIRECT, e.kind());
            assertTrue(e.getMessage().contains(uri) && e.getMessage().contains("in use"), e.getMessage());
        }
    }

    @Test
    void no_redirect_in_time_is_a_timeout() throws Exception {
        try (LoopbackListener listener = LoopbackListener.start("http://localhost:" + freePort() + "/", STATE_S1,
                () -> { })) {
            BrowserSignInException e = assertThrows(BrowserSignInException.class,
                    () -> listener.await(Duration.ofMillis(50)));
            assertEquals(BrowserSignInException.Kind.TIMED_OUT, e.kind());
        }
    }

    private static int rawStatus(InetAddress address, int port, String request) throws IOException {
        try (Socket socket = new Socket(address, port)) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 "), answer);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    /** -1 once the peer closed the connection (a reset, as when it closed with our bytes unread, is that too). */
    private static int drain(InputStream in) throws IOException {
        int last;
        try {
            do {
                last = in.read();
            } while (last >= 0);
        } catch (SocketException reset) {
            return -1;
        }
        return last;
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
