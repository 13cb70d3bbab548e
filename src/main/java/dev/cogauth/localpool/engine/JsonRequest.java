package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Typed reads of one operation's JSON body, failing with the error Cognito gives. */
final class JsonRequest {

    private final ObjectNode body;

    JsonRequest(ObjectNode body) {
        this.body = body;
    }

    /** The whole body, for members that are not strings or string maps. */
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
