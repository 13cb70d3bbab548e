package dev.cogauth.localpool.engine;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * Temporary AWS credentials shaped as STS makes them: an {@code ASIA} key id of 20 upper-case
 * letters and digits, a 40-character secret, an opaque session token. They sign nothing real;
 * clients only need them well-formed.
 */
record TemporaryCredentials(String accessKeyId, String secretKey, String sessionToken, Instant expiration) {

    private static final char[] KEY_ID_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    static TemporaryCredentials issue(SecureRandom random, Instant expiration) {
        StringBuilder keyId = new StringBuilder("ASIA");
        for (int i = 0; i < 16; i++) {
            keyId.append(KEY_ID_LETTERS[random.nextInt(KEY_ID_LETTERS.length)]);
        }
        byte[] secret = new byte[30];
        random.nextBytes(secret);
        byte[] session = new byte[240];
        random.nextBytes(session);
        return new TemporaryCredentials(keyId.toString(), Base64.getEncoder().encodeToString(secret),
                Base64.getEncoder().encodeToString(session), expiration);
    }

    @Override
    public String toString() {
        return "TemporaryCredentials[" + accessKeyId + ", until " + expiration + "]";
    }
}
