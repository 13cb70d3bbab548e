package dev.cogauth.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.api.AwsCredentials;

/**
 * Renders AWS credentials in a {@link CredentialsFormat}; the text ends with a newline. Apart
 * from the enum so that picocli, which looks at the enum for every command line, loads no Jackson.
 */
public final class CredentialsPrinter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CredentialsPrinter() {
    }

    public static String render(CredentialsFormat format, AwsCredentials credentials) {
        return switch (format) {
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
