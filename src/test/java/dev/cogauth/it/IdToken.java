package dev.cogauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** The claims of the ID token in cogauth's JSON output (not verified: the pool's own tests do that). */
final class IdToken {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdToken() {
    }

    static JsonNode claims(Cogauth.Result run) {
        try {
            String token = JSON.readTree(run.stdout()).path("IdToken").asText();
            String[] parts = token.split("\\.");
            run.check(parts.length == 3, "stdout holds an IdToken that is a JWT");
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not cogauth's JSON output:\n" + run.describe(), e);
        }
    }
}
