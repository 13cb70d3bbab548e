package dev.cogauth.localpool.login;

import com.sun.net.httpserver.HttpExchange;
import dev.cogauth.protocol.Form;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reading forms and query strings, and answering with a page, JSON or a redirect. */
final class Http {
    private static final int MAX_FORM_BYTES = 64 * 1024;

    private Http() {
    }

    static Map<String, String> query(HttpExchange exchange) {
        return Form.decode(exchange.getRequestURI().getRawQuery());
    }

    static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_FORM_BYTES);
            return Form.decode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** {@code uri} with the given query fields added. */
    static String withQuery(String uri, Map<String, String> fields) {
        StringBuilder out = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> field : fields.entrySet()) {
            out.append(separator).append(Form.component(field.getKey())).append('=').append(Form.component(field.getValue()));
            separator = '&';
        }
        return out.toString();
    }

    /** A page, which no other site may frame (clickjacking the sign-in form). */
    static void html(HttpExchange exchange, int status, String page) throws IOException {
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("Content-Security-Policy", "frame-ancestors 'none'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        send(exchange, status, "text/html; charset=utf-8", page);
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, "application/json;charset=UTF-8", body);
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
