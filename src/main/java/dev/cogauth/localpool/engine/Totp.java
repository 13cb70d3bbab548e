package dev.cogauth.localpool.engine;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 TOTP as authenticator apps do it: SHA-1, 6 digits, 30-second steps, base32 secrets. */
final class Totp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final long STEP_SECONDS = 30;

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

    /** The code for the step that contains {@code at}. */
    static String code(String base32Secret, Instant at) {
        return code(decode(base32Secret), Math.floorDiv(at.getEpochSecond(), STEP_SECONDS));
    }

    /** Accepts the current step's code and its neighbours, for clocks a little apart. */
    static boolean verify(String base32Secret, String code, Instant at) {
        if (code == null || !code.matches("\\d{6}")) {
            return false;
        }
        byte[] key = decode(base32Secret);
        long step = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
        boolean match = false;
        for (long s = step - 1; s <= step + 1; s++) {
            match |= MessageDigest.isEqual(code(key, s).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    static byte[] decode(String base32) {
        String clean = base32.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a base32 secret");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
