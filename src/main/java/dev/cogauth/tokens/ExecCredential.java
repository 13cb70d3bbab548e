package dev.cogauth.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * kubectl's exec credential plugin contract: what it tells us in {@code KUBERNETES_EXEC_INFO}
 * and the ExecCredential we answer with.
 */
public final class ExecCredential {
    public static final String V1 = "client.authentication.k8s.io/v1";
    public static final String V1BETA1 = "client.authentication.k8s.io/v1beta1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExecCredential() {
    }

    /** What KUBERNETES_EXEC_INFO says: the apiVersion to answer in and whether we may prompt. */
    public record ExecInfo(String apiVersion, boolean interactive) {
    }

    /**
     * Reads KUBERNETES_EXEC_INFO. Absent or unreadable means v1 and non-interactive: kubectl
     * always sends it, so without it nobody is there to answer a prompt.
     */
    public static ExecInfo info(Optional<String> execInfo) {
        if (execInfo.isEmpty()) {
            return new ExecInfo(V1, false);
        }
        try {
            JsonNode root = MAPPER.readTree(execInfo.get());
            String version = root.path("apiVersion").asText(V1);
            return new ExecInfo(version.equals(V1BETA1) ? V1BETA1 : V1,
                    root.path("spec").path("interactive").asBoolean(false));
        } catch (IOException unreadable) {
            return new ExecInfo(V1, false);
        }
    }

    public static String render(String apiVersion, String token, Instant expiresAt) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("apiVersion", apiVersion);
        root.put("kind", "ExecCredential");
        ObjectNode status = root.putObject("status");
        status.put("token", token);
        status.put("expirationTimestamp", expiresAt.toString());
        return root.toString() + "\n";
    }
}
