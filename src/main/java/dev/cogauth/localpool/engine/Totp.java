package dev.cogauth.localpool.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The pool's side of authenticator-app MFA: new secrets, and codes checked with a step of drift
 * either way. The code itself is {@link dev.cogauth.srp.Totp}, the same the client computes.
 */
final class Totp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** A new secret as Cognito gives out: 32 base32 characters (20 random bytes). */
    static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }

    /** Accepts the current step's code and its neighbours, for clocks a little apart. */
    static boolean verify(String base32Secret, String code, Instant at) {
        if (code == null || !code.matches("\\d{6}")) {
            return false;
        }
        byte[] key = dev.cogauth.srp.Totp.decodeBase32(base32Secret);
        long step = dev.cogauth.srp.Totp.step(at);
        boolean match = false;
        for (long s = step - 1; s <= step + 1; s++) {
            match |= MessageDigest.isEqual(dev.cogauth.srp.Totp.code(key, s).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }
}
