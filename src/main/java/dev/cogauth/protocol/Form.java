package dev.cogauth.protocol;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} both ways, for query strings, form bodies and the
 * components of a Basic credential; the client and the local pool read a form the same way. Pure.
 *
 * <p>Decoding follows the WHATWG URL Standard's parser, which browsers and {@code URLSearchParams}
 * use: a {@code %} not followed by two hex digits stays as it is, {@code +} is a space, bytes that
 * are not UTF-8 become U+FFFD, a field without {@code =} has an empty value. A malformed field is
 * read, not dropped: dropping it would make a parameter that was sent look absent (a
 * {@code code_verifier=%zz} taken for no verifier at all, so a code issued without PKCE went
 * through); read as it is, it fails the check it was meant for. The first of a repeated name wins.
 */
public final class Form {

    private Form() {
    }

    /** The fields as {@code name=value&...}, each side encoded by {@link #component}. */
    public static String encode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(component(name)).append('=').append(component(value));
        });
        return out.toString();
    }

    /** One name, value or path segment: all but {@code A-Z a-z 0-9 . - * _} percent-encoded, a space as %20. */
    public static String component(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The fields of a query string or form body, in order; the first of a repeated name wins. */
    public static Map<String, String> decode(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            fields.putIfAbsent(decodeComponent(eq < 0 ? pair : pair.substring(0, eq)),
                    eq < 0 ? "" : decodeComponent(pair.substring(eq + 1)));
        }
        return fields;
    }

    /** One encoded name or value: {@code +} a space, {@code %XX} its byte, a stray {@code %} itself. */
    public static String decodeComponent(String encoded) {
        byte[] in = encoded.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(b == '+' ? ' ' : b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The value of an ASCII hex digit, else -1 (no other script's digits). */
    private static int hex(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
    }
}
