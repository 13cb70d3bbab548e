package dev.cogauth.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogauth.json.JsonTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Some challenge parameters are JSON inside a string (MFAS_CAN_CHOOSE, requiredAttributes). */
final class ChallengeJson {
    private ChallengeJson() {
    }

    /** A JSON array of strings; absent or empty text is an empty list. */
    static List<String> stringList(String name, String json) {
        List<String> values = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return values;
        }
        JsonNode node = parse(name, json);
        if (!node.isArray()) {
            throw new UnsupportedChallengeException("the pool's " + name + " is not a JSON array");
        }
        node.forEach(item -> values.add(item.asText()));
        return values;
    }

    /** A JSON object of strings; absent or empty text is an empty map. */
    static Map<String, String> stringMap(String name, String json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return values;
        }
        JsonNode node = parse(name, json);
        if (!node.isObject()) {
            throw new UnsupportedChallengeException("the pool's " + name + " is not a JSON object");
        }
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private static JsonNode parse(String name, String json) {
        try {
            return JsonTree.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnsupportedChallengeException("the pool's " + name + " is not valid JSON");
        }
    }
}
