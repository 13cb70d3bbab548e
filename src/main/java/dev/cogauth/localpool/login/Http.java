package dev.cogauth.localpool.login;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading forms and query strings, and answering with a page, JSON or a redirect. */
final class Http {
    private static final int MAX_FORM_BYTES = 64 * 1024;

    private Http() {
    }

    static Map<String, String> query(HttpExchange exchange) {
        return decode(exchange.getRequestURI().getRawQuery());
    }

    static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_FORM_BYTES);
            return decode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** Fields of a form or query; a repeated name keeps its first value. */
    static Map<String, String> decode(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (raw == null) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.isEmpty()) {
                continue;
            }
            try {
                fields.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // A field that is not form-encoded is left out, as if absent.
            }
        }
        return fields;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code uri} with the given query fields added. */
    static String withQuery(String uri, Map<String, String> fields) {
        StringBuilder out = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> field : fields.entrySet()) {
            out.append(separator).append(encode(field.getKey())).append('=').append(encode(field.getValue()));
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
