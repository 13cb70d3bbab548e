package dev.cogauth.srp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time codes as Cognito and authenticator apps use them: HMAC-SHA1 over
 * 30-second steps, 6 digits, secrets in RFC 4648 base32. Shared by the client (COGAUTH_TOTP_SECRET)
 * and the local pool (SOFTWARE_TOKEN_MFA), so both compute the same code.
 */
public final class Totp {
    public static final long STEP_SECONDS = 30;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** The step that contains {@code at}. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of the step that contains {@code at}. */
    public static String codeAt(String base32Secret, Instant at) {
        return code(decodeBase32(base32Secret), step(at));
    }

    /** The code of one step (RFC 4226 HOTP with the step as counter, dynamic truncation, 6 digits). */
    public static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /**
     * RFC 4648 base32, case-insensitive, padding and spaces ignored (apps show secrets in groups).
     *
     * @throws IllegalArgumentException for a character outside the alphabet, or a secret too short to hold a byte
     *                                  (one character: HMAC refuses an empty key);
     *                                  the message never repeats the secret
     */
    public static byte[] decodeBase32(String base32) {
        String clean = base32.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("an empty base32 secret");
        }
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a base32 secret (only A-Z and 2-7 may appear)");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.put((byte) (buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        if (out.position() == 0) {
            throw new IllegalArgumentException("too short: a base32 secret of one character holds no key");
        }
        return out.array();
    }
}
