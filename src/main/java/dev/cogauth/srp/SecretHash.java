package dev.cogauth.srp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** SECRET_HASH of an app client that has a secret: base64(HMAC-SHA256(secret, username ‖ clientId)). */
public final class SecretHash {

    private SecretHash() {
    }

    /** {@code username} is the one sent in that very call (see PROTOCOL.md). */
    public static String compute(String clientSecret, String username, String clientId) {
        byte[] mac = HmacSha256.mac(utf8(clientSecret), utf8(username), utf8(clientId));
        return Base64.getEncoder().encodeToString(mac);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
