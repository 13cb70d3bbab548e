package dev.cogauth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** An OAuth error ({@code error}, {@code error_description}) as one line, e.g. "invalid_grant: code expired". */
final class OAuthError {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OAuthError() {
    }

    static String describe(String error, String description) {
        String code = oneLine(error);
        return description == null || description.isBlank() ? code : code + ": " + oneLine(description);
    }

    /** The error of a JSON body, or {@code otherwise} when the body has none. */
    static String fromBody(String body, String otherwise) {
        JsonNode json = errorOf(body);
        if (json == null) {
            return otherwise;
        }
        return describe(json.get("error").asText(),
                json.hasNonNull("error_description") ? json.get("error_description").asText() : null);
    }

    /** The {@code error} code of a JSON body, neutralised for printing, or empty when it has none. */
    static Optional<String> code(String body) {
        JsonNode json = errorOf(body);
        return json == null ? Optional.empty() : Optional.of(oneLine(json.get("error").asText()));
    }

    private static JsonNode errorOf(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.hasNonNull("error") ? json : null;
        } catch (IOException notJson) {
            // Some proxies answer HTML.
            return null;
        }
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
