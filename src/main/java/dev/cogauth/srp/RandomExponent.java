package dev.cogauth.srp;

import java.math.BigInteger;
import java.security.SecureRandom;

/** A private ephemeral exponent (a or b): 128 random bytes, as amplify-js draws them. */
final class RandomExponent {

    private static final int BYTES = 128;

    private RandomExponent() {
    }

    static BigInteger generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new BigInteger(1, bytes);
    }
}
