package dev.cogauth.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second, independent token endpoint for the client credentials grant, written from RFC 6749 alone
 * (not from cogauth's local pool): section 4.4 (the form, {@code grant_type=client_credentials},
 * {@code scope}), 2.3.1 (HTTP Basic with the id and secret form-encoded first) and 5.2 (the errors,
 * 401 with {@code WWW-Authenticate} for a failed client authentication). It counts the grants it makes.
 */
final class ClientCredentialsServer implements AutoCloseable {
    /** One client: its secret and the scopes it may have. */
    record Client(String secret, Set<String> scopes) {
    }

    private final HttpServer server;
    private final Map<String, Client> clients;
    private final Duration lifetime;
    private final AtomicInteger grants = new AtomicInteger();
    private final List<String> scopesAsked = new ArrayList<>();

    ClientCredentialsServer(Map<String, Client> clients, Duration lifetime) throws IOException {
        this.clients = Map.copyOf(clients);
        this.lifetime = lifetime;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/oauth2/token", this::token);
        server.start();
    }

    /** The domain to give cogauth: {@code http://127.0.0.1:PORT}. */
    String domain() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int grants() {
        return grants.get();
    }

    synchronized List<String> scopesAsked() {
        return List.copyOf(scopesAsked);
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, "{\"error\":\"invalid_request\"}");
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
                error(exchange, 400, "invalid_request");
                return;
            }
            Map<String, String> form = decodeForm(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            String[] credentials = basic(exchange.getRequestHeaders().getFirst("Authorization"));
            Client client = credentials == null ? null : clients.get(credentials[0]);
            if (client == null || !client.secret().equals(credentials[1])) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"token\"");
                error(exchange, 401, "invalid_client");
                return;
            }
            if (!"client_credentials".equals(form.get("grant_type"))) {
                error(exchange, 400, "unsupported_grant_type");
                return;
            }
            List<String> asked = form.containsKey("scope") ? Arrays.asList(form.get("scope").split(" "))
                    : List.copyOf(client.scopes());
            if (!client.scopes().containsAll(asked)) {
                error(exchange, 400, "invalid_scope");
                return;
            }
            synchronized (this) {
                scopesAsked.add(form.getOrDefault("scope", ""));
            }
            int number = grants.incrementAndGet();
            Instant now = Instant.now();
            String claims = "{\"sub\":\"" + credentials[0] + "\",\"scope\":\"" + String.join(" ", asked)
                    + "\",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(lifetime).getEpochSecond()
                    + ",\"jti\":\"grant-" + number + "\"}";
            String token = base64("{\"alg\":\"none\"}") + "." + base64(claims) + ".c2ln";
            answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + lifetime.toSeconds() + "}");
        }
    }

    /** RFC 6749 section 2.3.1: Base64 of id:secret, each form-encoded; null when absent or malformed. */
    private static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        int colon = pair.indexOf(':');
        return colon < 0 ? null : new String[] {URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private static Map<String, String> decodeForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void error(HttpExchange exchange, int status, String error) throws IOException {
        answer(exchange, status, "{\"error\":\"" + error + "\"}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
