package dev.cogauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LoopbackListenerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void takes_one_redirect_answers_the_given_page_and_refuses_a_second() throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        try (LoopbackListener listener = LoopbackListener.start(base + "/callback")) {
            assertEquals(404, get(base + "/favicon.ico").statusCode());
            CompletableFuture<HttpResponse<String>> browser = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + "/callback?code=abc&state=s%201")).build(),
                    HttpResponse.BodyHandlers.ofString());
            LoopbackListener.Callback callback = listener.await(Duration.ofSeconds(30));
            assertEquals("abc", callback.parameter("code").orElseThrow());
            assertEquals("s 1", callback.parameter("state").orElseThrow());
            HttpResponse<String> second = get(base + "/callback?code=other&state=x");
            assertEquals(409, second.statusCode());
            callback.respond(HtmlPage.callback(true, "Signed in", "done"));
            HttpResponse<String> first = browser.get();
            assertEquals(200, first.statusCode());
            assertTrue(first.body().contains("Signed in"), first.body());
        }
        assertThrows(IOException.class, () -> get(base + "/callback?code=late"));
    }

    @Test
    void refuses_non_loopback_redirect_uris() {
        assertThrows(IllegalArgumentException.class, () -> LoopbackListener.start("http://example.com:8400/cb"));
        assertThrows(IllegalArgumentException.class, () -> LoopbackListener.bindAddress("192.0.2.1"));
        assertTrue(LoopbackListener.bindAddress("localhost").isLoopbackAddress());
    }

    @Test
    void a_port_in_use_is_an_unusable_redirect_naming_the_uri() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String uri = "http://127.0.0.1:" + taken.getLocalPort() + "/";
            BrowserSignInException e = assertThrows(BrowserSignInException.class, () -> LoopbackListener.start(uri));
            assertEquals(BrowserSignInException.Kind.UNUSABLE_REDIRECT, e.kind());
            assertTrue(e.getMessage().contains(uri) && e.getMessage().contains("in use"), e.getMessage());
        }
    }

    @Test
    void no_redirect_in_time_is_a_timeout() throws Exception {
        try (LoopbackListener listener = LoopbackListener.start("http://localhost:" + freePort() + "/")) {
            BrowserSignInException e = assertThrows(BrowserSignInException.class,
                    () -> listener.await(Duration.ofMillis(50)));
            assertEquals(BrowserSignInException.Kind.TIMED_OUT, e.kind());
        }
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
