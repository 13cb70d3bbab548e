package dev.cogauth.it;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, 6 digits: what Cognito
 * and authenticator apps use), for answering moto's SOFTWARE_TOKEN_MFA in tests.
 */
final class Totp {
    static final Duration STEP = Duration.ofSeconds(30);

    private final byte[] key;
    private final int digits;
    private final String algorithm;

    Totp(byte[] key, int digits, String algorithm) {
        this.key = key.clone();
        this.digits = digits;
        this.algorithm = algorithm;
    }

    /** The authenticator-app form: a base32 secret as Cognito's AssociateSoftwareToken returns it. */
    static Totp ofBase32(String secret) {
        return new Totp(base32(secret), 6, "HmacSHA1");
    }

    /** The code for the 30-second step that contains {@code time}. */
    String codeAt(Instant time) {
        return codeForCounter(Math.floorDiv(time.getEpochSecond(), STEP.toSeconds()));
    }

    /**
     * A code that stays valid for at least {@code margin}: moto accepts only the current step,
     * so near the end of a step this waits for the next one rather than race the clock.
     */
    String freshCode(Duration margin) {
        Instant now = Instant.now();
        long intoStep = Math.floorMod(now.getEpochSecond(), STEP.toSeconds());
        Duration left = STEP.minusSeconds(intoStep);
        if (left.compareTo(margin) < 0) {
            sleep(left.plusMillis(200));
            now = Instant.now();
        }
        return codeAt(now);
    }

    String codeForCounter(long counter) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
            // RFC 4226 section 5.3: dynamic truncation.
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is unavailable", e);
        }
    }

    /** RFC 4648 base32, case-insensitive, padding optional. */
    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.toUpperCase(Locale.ROOT).replace("=", "").replace(" ", "");
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = alphabet.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: '" + c + "'");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.put((byte) (buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return out.array();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next TOTP step", e);
        }
    }
}
