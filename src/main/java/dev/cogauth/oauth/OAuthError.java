package dev.cogauth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** An OAuth error ({@code error}, {@code error_description}) as one line, e.g. "invalid_grant: code expired". */
final class OAuthError {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OAuthError() {
    }

    static String describe(String error, String description) {
        return description == null || description.isBlank() ? error : error + ": " + oneLine(description);
    }

    /** The error of a JSON body, or {@code otherwise} when the body has none. */
    static String fromBody(String body, String otherwise) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.hasNonNull("error")) {
                return describe(json.get("error").asText(),
                        json.hasNonNull("error_description") ? json.get("error_description").asText() : null);
            }
        } catch (IOException notJson) {
            // Fall through: some proxies answer HTML.
        }
        return otherwise;
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
