package dev.cogauth.oauth;

import dev.cogauth.protocol.Form;
import java.util.Map;
import java.util.Optional;

/**
 * What a user pasted back from a browser that could not reach cogauth's loopback listener (a remote shell):
 * the whole address it ended on ({@code http://localhost:PORT/callback?code=...&state=...}) or only its query
 * string, with or without the {@code ?}. The state is checked by whoever takes the query, as for a redirect.
 */
final class PastedRedirect {

    private PastedRedirect() {
    }

    /** The query's parameters; empty when the text holds no {@code name=value} at all. */
    static Optional<Map<String, String>> query(String pasted) {
        String text = pasted.strip();
        int fragment = text.indexOf('#');
        if (fragment >= 0) {
            text = text.substring(0, fragment);
        }
        int question = text.indexOf('?');
        if (question >= 0) {
            text = text.substring(question + 1);
        } else if (text.contains("://") || !text.contains("=")) {
            return Optional.empty();
        }
        Map<String, String> fields = Form.decode(text);
        return fields.isEmpty() ? Optional.empty() : Optional.of(fields);
    }
}
