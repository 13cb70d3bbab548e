package dev.cogauth.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.api.AwsCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The cache entry's JSON, version {@value #VERSION}, through Jackson's tree API. Reading is
 * lenient in one way only: anything missing, mistyped or from a newer version is "no entry".
 */
final class CacheFormat {
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CacheFormat() {
    }

    static byte[] write(TokenEntry entry) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("region", entry.key().region());
        root.put("userPoolId", entry.key().poolId());
        root.put("clientId", entry.key().clientId());
        root.put("username", entry.key().username());
        putIfPresent(root, "signInName", entry.signInName());
        putIfPresent(root, "endpoint", entry.endpoint());
        root.put("idToken", entry.idToken());
        root.put("accessToken", entry.accessToken());
        putIfPresent(root, "refreshToken", entry.refreshToken());
        putIfPresent(root, "tokenType", entry.tokenType());
        root.put("expiresAt", entry.expiresAt().getEpochSecond());
        putIfPresent(root, "refreshApi", entry.refreshApi());
        putIfPresent(root, "configFile", entry.configFile());
        putIfPresent(root, "identityPoolId", entry.identityPoolId());
        if (entry.credentials() != null) {
            AwsCredentials c = entry.credentials();
            ObjectNode node = root.putObject("awsCredentials");
            putIfPresent(node, "identityId", c.identityId());
            node.put("accessKeyId", c.accessKeyId());
            node.put("secretAccessKey", c.secretAccessKey());
            putIfPresent(node, "sessionToken", c.sessionToken());
            node.put("expiration", c.expiration().getEpochSecond());
        }
        if (entry.device() != null) {
            ObjectNode node = root.putObject("device");
            node.put("deviceKey", entry.device().deviceKey());
            node.put("deviceGroupKey", entry.device().deviceGroupKey());
            node.put("devicePassword", entry.device().devicePassword());
        }
        return (root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The entry, or empty with the reason when the bytes are not a usable version-1 entry. */
    static Result read(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            return Result.unusable("not valid JSON (truncated?)");
        }
        if (root == null || !root.isObject()) {
            return Result.unusable("not a JSON object");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            return Result.unusable("cache format version " + root.path("version") + ", this cogauth reads "
                    + VERSION);
        }
        try {
            CacheKey key = new CacheKey(text(root, "region"), text(root, "userPoolId"), text(root, "clientId"),
                    text(root, "username"));
            JsonNode expiresAt = root.get("expiresAt");
            if (expiresAt == null || !expiresAt.canConvertToLong()) {
                return Result.unusable("no expiresAt");
            }
            return new Result(Optional.of(new TokenEntry(key, optional(root, "signInName"),
                    optional(root, "endpoint"), text(root, "idToken"), text(root, "accessToken"),
                    optional(root, "refreshToken"), optional(root, "tokenType"),
                    Instant.ofEpochSecond(expiresAt.asLong()), optional(root, "refreshApi"),
                    optional(root, "configFile"), optional(root, "identityPoolId"), credentials(root),
                    device(root))), null);
        } catch (MissingField e) {
            return Result.unusable("no " + e.getMessage());
        }
    }

    record Result(Optional<TokenEntry> entry, String problem) {
        static Result unusable(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }

    private static AwsCredentials credentials(JsonNode root) throws MissingField {
        JsonNode node = root.get("awsCredentials");
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode expiration = node.get("expiration");
        if (expiration == null || !expiration.canConvertToLong()) {
            return null;
        }
        return new AwsCredentials(optional(node, "identityId"), text(node, "accessKeyId"),
                text(node, "secretAccessKey"), optional(node, "sessionToken"),
                Instant.ofEpochSecond(expiration.asLong()));
    }

    private static DeviceSecret device(JsonNode root) throws MissingField {
        JsonNode node = root.get("device");
        if (node == null || !node.isObject()) {
            return null;
        }
        return new DeviceSecret(text(node, "deviceKey"), text(node, "deviceGroupKey"), text(node, "devicePassword"));
    }

    private static String text(JsonNode node, String field) throws MissingField {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new MissingField(field);
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** A required field that is absent or not a non-empty string; the message is only its name. */
    private static final class MissingField extends Exception {
        private static final long serialVersionUID = 1L;

        MissingField(String field) {
            super(field, null, false, false);
        }
    }
}
