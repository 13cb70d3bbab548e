package dev.cogauth.tokens;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.api.AwsCredentials;
import dev.cogauth.json.JsonTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The cache entry's JSON, version {@value #VERSION}, and the most-recent-sign-in pointer's: written
 * through Jackson's tree API, read through {@link JsonFields} (no databind on the cached path).
 * Reading is lenient in one way only: anything missing, mistyped or from a newer version is "no entry".
 */
final class CacheFormat {
    static final int VERSION = 1;

    private CacheFormat() {
    }

    static byte[] write(TokenEntry entry) {
        ObjectNode root = JsonTree.object();
        root.put("version", VERSION);
        putKey(root, entry.key());
        putIfPresent(root, "signInName", entry.signInName());
        putIfPresent(root, "endpoint", entry.endpoint());
        putIfPresent(root, "idToken", entry.idToken());
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
        if (entry.browser() != null) {
            ObjectNode node = root.putObject("browser");
            node.put("domain", entry.browser().domain());
            node.put("redirectUri", entry.browser().redirectUri());
            node.put("logoutUri", entry.browser().logoutUri());
        }
        return (JsonTree.pretty(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The entry, or empty with the reason when the bytes are not a usable version-1 entry. */
    static Result read(byte[] bytes) {
        Optional<JsonFields> parsed;
        try {
            parsed = JsonFields.parse(bytes);
        } catch (IOException e) {
            return Result.unusable("not valid JSON (truncated?)");
        }
        if (parsed.isEmpty()) {
            return Result.unusable("not a JSON object");
        }
        JsonFields root = parsed.get();
        if (!isThisVersion(root)) {
            return Result.unusable("cache format version " + root.describe("version") + ", this cogauth reads "
                    + VERSION);
        }
        try {
            OptionalLong expiresAt = root.integer("expiresAt");
            if (expiresAt.isEmpty()) {
                return Result.unusable("no expiresAt");
            }
            CacheKey key = key(root);
            // No ID token: a client_credentials entry, or a browser sign-in without openid.
            return new Result(Optional.of(new TokenEntry(key, optional(root, "signInName"),
                    optional(root, "endpoint"), absentOrText(root, "idToken"), text(root, "accessToken"),
                    optional(root, "refreshToken"), optional(root, "tokenType"),
                    Instant.ofEpochSecond(expiresAt.getAsLong()), optional(root, "refreshApi"),
                    optional(root, "configFile"), optional(root, "identityPoolId"), credentials(root),
                    device(root), browser(root))), null);
        } catch (MissingField e) {
            return Result.unusable("no " + e.getMessage());
        }
    }

    record Result(Optional<TokenEntry> entry, String problem) {
        static Result unusable(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }

    /** The pointer to the most recent sign-in: only its key. */
    static byte[] writeCurrent(CacheKey key) {
        ObjectNode root = JsonTree.object();
        root.put("version", VERSION);
        putKey(root, key);
        return (JsonTree.pretty(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The key the pointer holds, or empty when it is not JSON, from another version or incomplete. */
    static Optional<CacheKey> readCurrent(byte[] bytes) {
        try {
            Optional<JsonFields> root = JsonFields.parse(bytes);
            return root.isPresent() && isThisVersion(root.get()) ? Optional.of(key(root.get())) : Optional.empty();
        } catch (IOException | MissingField unusable) {
            return Optional.empty();
        }
    }

    private static boolean isThisVersion(JsonFields root) {
        OptionalLong version = root.integer("version");
        return version.isPresent() && version.getAsLong() == VERSION;
    }

    private static void putKey(ObjectNode root, CacheKey key) {
        root.put("region", key.region());
        root.put("userPoolId", key.poolId());
        root.put("clientId", key.clientId());
        root.put("username", key.username());
    }

    private static CacheKey key(JsonFields root) throws MissingField {
        return new CacheKey(text(root, "region"), text(root, "userPoolId"), text(root, "clientId"),
                text(root, "username"));
    }

    private static AwsCredentials credentials(JsonFields root) throws MissingField {
        Optional<JsonFields> node = root.object("awsCredentials");
        if (node.isEmpty()) {
            return null;
        }
        OptionalLong expiration = node.get().integer("expiration");
        if (expiration.isEmpty()) {
            return null;
        }
        return new AwsCredentials(optional(node.get(), "identityId"), text(node.get(), "accessKeyId"),
                text(node.get(), "secretAccessKey"), optional(node.get(), "sessionToken"),
                Instant.ofEpochSecond(expiration.getAsLong()));
    }

    private static DeviceSecret device(JsonFields root) throws MissingField {
        Optional<JsonFields> node = root.object("device");
        if (node.isEmpty()) {
            return null;
        }
        return new DeviceSecret(text(node.get(), "deviceKey"), text(node.get(), "deviceGroupKey"),
                text(node.get(), "devicePassword"));
    }

    private static BrowserSession browser(JsonFields root) throws MissingField {
        Optional<JsonFields> node = root.object("browser");
        if (node.isEmpty()) {
            return null;
        }
        return new BrowserSession(text(node.get(), "domain"), text(node.get(), "redirectUri"),
                text(node.get(), "logoutUri"));
    }

    private static String text(JsonFields node, String field) throws MissingField {
        String value = optional(node, field);
        if (value == null) {
            throw new MissingField(field);
        }
        return value;
    }

    /** A field that may be absent, but is a non-empty string when present. */
    private static String absentOrText(JsonFields node, String field) throws MissingField {
        return "missing".equals(node.describe(field)) ? null : text(node, field);
    }

    private static String optional(JsonFields node, String field) {
        return node.text(field).filter(value -> !value.isEmpty()).orElse(null);
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
