package dev.cogauth.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.api.AwsCredentials;
import java.util.Locale;

/** How {@code cogauth credentials} prints AWS credentials; every text ends with a newline. */
public enum CredentialsFormat {
    /** The AWS CLI / SDK {@code credential_process} contract, version 1. */
    PROCESS,
    /** {@code export AWS_ACCESS_KEY_ID=...} lines for {@code eval}. */
    ENV,
    /** One JSON object with the identity id too. */
    JSON;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static CredentialsFormat parse(String text) {
        for (CredentialsFormat format : values()) {
            if (format.name().equalsIgnoreCase(text.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "' (expected process, env or json)");
    }

    public String render(AwsCredentials credentials) {
        return switch (this) {
            case PROCESS -> {
                ObjectNode node = MAPPER.createObjectNode();
                node.put("Version", 1);
                putKeys(node, credentials);
                yield node.toString() + "\n";
            }
            case JSON -> {
                ObjectNode node = MAPPER.createObjectNode();
                putKeys(node, credentials);
                if (credentials.identityId() != null) {
                    node.put("IdentityId", credentials.identityId());
                }
                yield node.toPrettyString() + "\n";
            }
            case ENV -> {
                StringBuilder out = new StringBuilder();
                TokenPrinter.export(out, "AWS_ACCESS_KEY_ID", credentials.accessKeyId());
                TokenPrinter.export(out, "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
                if (credentials.sessionToken() != null) {
                    TokenPrinter.export(out, "AWS_SESSION_TOKEN", credentials.sessionToken());
                }
                TokenPrinter.export(out, "AWS_CREDENTIAL_EXPIRATION", credentials.expiration().toString());
                yield out.toString();
            }
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static void putKeys(ObjectNode node, AwsCredentials credentials) {
        node.put("AccessKeyId", credentials.accessKeyId());
        node.put("SecretAccessKey", credentials.secretAccessKey());
        if (credentials.sessionToken() != null) {
            node.put("SessionToken", credentials.sessionToken());
        }
        // ISO 8601 in UTC, which is what credential_process readers parse.
        node.put("Expiration", credentials.expiration().toString());
    }
}
