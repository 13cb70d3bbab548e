package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of one operation's JSON body, failing with the error Cognito gives. */
final class JsonRequest {

    private final ObjectNode body;

    JsonRequest(ObjectNode body) {
        this.body = body;
    }

    /** The whole body, for members that are not strings or string maps, or shown back as given (CreateUserPool's settings). */
    ObjectNode body() {
        return body;
    }

    String required(String member) {
        String value = optional(member);
        if (value == null || value.isEmpty()) {
            throw CognitoError.missingMember(member);
        }
        return value;
    }

    /** A string member's value without checking anything: null when absent or not a string (for routing only). */
    String peek(String member) {
        JsonNode node = body.get(member);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** A boolean member; {@code otherwise} when absent. */
    boolean bool(String member, boolean otherwise) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isBoolean()) {
            throw new CognitoError("SerializationException", "Expected a boolean for " + member);
        }
        return node.booleanValue();
    }

    /** An integer member; {@code otherwise} when absent. */
    int integer(String member, int otherwise) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new CognitoError("SerializationException", "Expected an integer for " + member);
        }
        return node.intValue();
    }

    /** A list-of-strings member such as ExplicitAuthFlows; null when absent. */
    List<String> strings(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new CognitoError("SerializationException", "Expected a list for " + member);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new CognitoError("SerializationException", "Expected strings in " + member);
            }
            values.add(item.textValue());
        }
        return values;
    }

    /** A {@code [{"Name", "Value"}]} member such as UserAttributes, in order; empty when absent. */
    Map<String, String> attributes(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return Collections.emptyMap();
        }
        if (!node.isArray()) {
            throw new CognitoError("SerializationException", "Expected a list for " + member);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode item : node) {
            JsonNode name = item.get("Name");
            JsonNode value = item.get("Value");
            if (name == null || !name.isTextual() || (value != null && !value.isNull() && !value.isTextual())) {
                throw new CognitoError("SerializationException", "Expected {Name, Value} strings in " + member);
            }
            attributes.put(name.textValue(), value == null || value.isNull() ? "" : value.textValue());
        }
        return attributes;
    }

    String optional(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new CognitoError("SerializationException", "Expected a string for " + member);
        }
        return node.textValue();
    }

    /**
     * A string map member such as AuthParameters; empty when absent. A null value counts as
     * absent: amazon-cognito-identity-js sends {@code "DEVICE_KEY": null} when it retries
     * without a stale device key.
     */
    Map<String, String> map(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return Collections.emptyMap();
        }
        if (!node.isObject()) {
            throw new CognitoError("SerializationException", "Expected an object for " + member);
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            if (entry.getValue().isNull()) {
                return;
            }
            if (!entry.getValue().isTextual()) {
                throw new CognitoError("SerializationException", "Expected string values in " + member);
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        });
        return Collections.unmodifiableMap(map);
    }

    static String requiredParameter(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw CognitoError.missingParameter(name);
        }
        return value;
    }
}
