package dev.cogauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.CallTimeouts;
import dev.cogauth.protocol.Form;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The sign-in's own checks with a token endpoint written here (RFC 6749 section 4.1.3, the form and the JSON
 * answer): what the ID token says is what this test decides, which no real pool can be made to get wrong.
 * The redirect is pasted back, as over SSH.
 */
class BrowserSignInTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void an_id_token_with_another_nonce_is_refused() throws Exception {
        BrowserSignInException e = assertThrows(BrowserSignInException.class,
                () -> signInWithIdTokenNonce(nonce -> "another-sign-ins-nonce"));
        assertEquals(BrowserSignInException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("nonce does not match"), e.getMessage());
    }

    @Test
    void an_id_token_without_the_nonce_is_refused() {
        BrowserSignInException e = assertThrows(BrowserSignInException.class,
                () -> signInWithIdTokenNonce(nonce -> null));
        assertTrue(e.getMessage().contains("nonce does not match"), e.getMessage());
    }

    @Test
    void an_id_token_with_this_sign_ins_nonce_signs_in_from_a_pasted_address() throws Exception {
        AuthenticationResult tokens = signInWithIdTokenNonce(UnaryOperator.identity());
        assertEquals("access", tokens.accessToken());
    }

    @Test
    void without_openid_an_answer_without_an_id_token_signs_in() throws Exception {
        AuthenticationResult tokens = signIn(List.of("aws.cognito.signin.user.admin"), null);
        assertEquals("access", tokens.accessToken());
        assertNull(tokens.idToken());
    }

    @Test
    void with_openid_an_answer_without_an_id_token_is_refused() {
        BrowserSignInException e = assertThrows(BrowserSignInException.class,
                () -> signIn(List.of("openid", "email"), null));
        assertEquals(BrowserSignInException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("without an ID token") && e.getMessage().contains("openid"),
                e.getMessage());
    }

    /** Signs in; the token endpoint answers an ID token whose nonce is {@code nonceFor(sent nonce)}. */
    private static AuthenticationResult signInWithIdTokenNonce(UnaryOperator<String> nonceFor) throws Exception {
        return signIn(List.of("openid", "email"), nonceFor);
    }

    /**
     * Signs in asking for {@code scopes}; the token endpoint answers an ID token whose nonce is
     * {@code nonceFor(sent nonce)}, or (nonceFor null) no ID token, as Cognito does without openid.
     */
    private static AuthenticationResult signIn(List<String> scopes, UnaryOperator<String> nonceFor) throws Exception {
        HttpServer tokenEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String[] sentNonce = new String[1];
        tokenEndpoint.createContext("/oauth2/token", exchange -> {
            Map<String, String> form = Form.decode(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            String idToken = "";
            if (nonceFor != null) {
                String nonce = nonceFor.apply(sentNonce[0]);
                String claims = "{\"sub\":\"u\"" + (nonce == null ? "" : ",\"nonce\":\"" + nonce + "\"") + "}";
                idToken = "\"id_token\":\"e30." + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig\",";
            }
            byte[] body = ("authorization_code".equals(form.get("grant_type")) && "pasted-code".equals(form.get("code"))
                    ? "{" + idToken + "\"access_token\":\"access\",\"expires_in\":3600}"
                    : "{\"error\":\"invalid_grant\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.length > 30 ? 200 : 400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        tokenEndpoint.start();
        BlockingQueue<String> told = new LinkedBlockingQueue<>();
        try (PipedOutputStream paste = new PipedOutputStream();
             PipedInputStream stdin = new PipedInputStream(paste)) {
            URI domain = URI.create("http://127.0.0.1:" + tokenEndpoint.getAddress().getPort());
            BrowserSignIn.Settings settings = new BrowserSignIn.Settings(domain, "client", Optional.empty(),
                    "http://127.0.0.1:" + freePort() + "/cb", scopes, Optional.empty(),
                    Optional.empty(), Optional.empty(), false, WAIT, CallTimeouts.of(WAIT));
            BrowserSignIn signIn = new BrowserSignIn(new BrowserOpener(List.of(), Map.of(), message -> { }), new SecureRandom(),
                    told::add, stdin);
            Thread user = new Thread(() -> pasteTheRedirect(told, paste, sentNonce));
            user.setDaemon(true);
            user.start();
            return signIn.signIn(settings);
        } finally {
            tokenEndpoint.stop(0);
        }
    }

    /** What the user does: read the URL cogauth printed, and paste the redirect the managed login would send. */
    private static void pasteTheRedirect(BlockingQueue<String> told, OutputStream paste, String[] sentNonce) {
        try {
            String line;
            do {
                line = told.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            } while (line != null && !line.contains("/oauth2/authorize?"));
            Map<String, String> query = Form.decode(URI.create(line.strip()).getRawQuery());
            sentNonce[0] = query.get("nonce");
            paste.write((query.get("redirect_uri") + "?code=pasted-code&state=" + query.get("state") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            paste.flush();
        } catch (IOException | InterruptedException | NullPointerException e) {
            throw new IllegalStateException("the test's user could not paste", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
