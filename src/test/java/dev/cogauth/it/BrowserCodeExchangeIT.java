package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code signin --browser}'s code exchange against a token endpoint that misbehaves: it never answers, or it
 * trickles its answer a byte at a time. Either ends with exit 6 once --timeout passed, as an API call does.
 * The test plays the browser: it sends the redirect with the state cogauth put in the URL it opened.
 */
class BrowserCodeExchangeIT {
    private static final Pattern STATE = Pattern.compile("[?&]state=([^&]+)");

    @TempDir
    Path dir;

    @Test
    void a_token_endpoint_that_never_answers_is_exit_6_after_the_timeout() throws Exception {
        try (MisbehavingServer server = MisbehavingServer.silent()) {
            Cogauth.Result run = signInAgainst(server);
            run.check(run.stderr().contains("cogauth: no answer from " + server.endpoint() + "/oauth2/token within 5s"
                    + " (wait longer with --timeout)"), "says no answer within the timeout");
        }
    }

    @Test
    void a_token_endpoint_that_trickles_its_answer_is_exit_6_after_the_timeout() throws Exception {
        try (MisbehavingServer server = MisbehavingServer.trickling(Duration.ofSeconds(1))) {
            Cogauth.Result run = signInAgainst(server);
            run.check(run.stderr().contains("cogauth: no answer from " + server.endpoint() + "/oauth2/token within 5s"),
                    "says no answer within the timeout");
        }
    }

    /** Signs in with --timeout 5s; the run must end (the harness allows 90 s) with exit 6 and one error line. */
    private Cogauth.Result signInAgainst(MisbehavingServer server) throws Exception {
        BrowserHandoff browser = BrowserHandoff.in(dir);
        String redirect = "http://127.0.0.1:" + freePort() + "/cb";
        CompletableFuture<Cogauth.Result> signin = CompletableFuture.supplyAsync(() -> Cogauth.run()
                .env("BROWSER", browser.command()).env("COGAUTH_CACHE_DIR", dir.resolve("cache").toString())
                .timeout(Duration.ofSeconds(90))
                .exec("signin", "--browser", "--pool-id", "us-east-1_Abc123", "--client-id", "exchangeclient",
                        "--domain", server.endpoint(), "--redirect-uri", redirect, "--timeout", "5s"));
        Matcher state = STATE.matcher(browser.awaitUrl().getRawQuery());
        state.find();
        // The browser's request waits for the outcome page; it is not what is tested.
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(redirect + "?code=abc&state="
                + state.group(1))).build(), HttpResponse.BodyHandlers.discarding());
        Cogauth.Result run = signin.get().assertExit(6);
        List<String> errors = run.errorLines();
        assertEquals(1, errors.size(), run::describe);
        run.check(!run.hasStackTrace() && run.stdout().isEmpty(), "no stack trace, no stdout");
        return run;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
