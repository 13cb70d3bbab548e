package dev.cogauth.srp;

import java.nio.charset.StandardCharsets;

/** HMAC-SHA256(K, poolName ‖ userIdForSrp ‖ secret block bytes ‖ TIMESTAMP), before base64. */
final class ClaimSignature {

    private ClaimSignature() {
    }

    static byte[] compute(byte[] key, String poolName, String userIdForSrp, String secretBlockBase64, String timestamp) {
        return HmacSha256.mac(key,
                poolName.getBytes(StandardCharsets.UTF_8),
                userIdForSrp.getBytes(StandardCharsets.UTF_8),
                Base64Text.decode(secretBlockBase64, "SECRET_BLOCK"),
                timestamp.getBytes(StandardCharsets.UTF_8));
    }
}
