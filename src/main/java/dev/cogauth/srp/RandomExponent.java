package dev.cogauth.srp;

import java.math.BigInteger;
import java.security.SecureRandom;

/** A private ephemeral exponent (a or b). */
final class RandomExponent {

    /**
     * The client draws 128 bytes, as amplify-js does: what Cognito's clients are known to send. 32 bytes would be
     * enough by the argument below, and the pool cannot tell; it would make A about twice as cheap cold and halve
     * the password proof's (a + u·x) exponent (1024 to 512 bits), some 10–15 ms of CPU at start-up, about 2% of a
     * sign-in. Kept at 128: too little gain to send what no official client sends (bench/RESULTS.md).
     */
    static final int CLIENT_BYTES = 128;
    /**
     * The server (the local pool) draws 32 bytes: twice the ~128-bit strength of the 3072-bit
     * group is enough for a short exponent (RFC 3526 §8, NIST SP 800-56A), and it makes B and S
     * four times cheaper, which is most of the pool's cost per sign-in.
     */
    static final int SERVER_BYTES = 32;

    private RandomExponent() {
    }

    static BigInteger generate(SecureRandom random, int bytes) {
        byte[] drawn = new byte[bytes];
        random.nextBytes(drawn);
        return new BigInteger(1, drawn);
    }
}
