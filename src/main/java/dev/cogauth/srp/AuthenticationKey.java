package dev.cogauth.srp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * K: one HKDF-SHA256 block with salt pad(u), input pad(S) and info "Caldera Derived Key",
 * cut to 16 bytes.
 */
final class AuthenticationKey {

    private static final byte[] INFO = "Caldera Derived Key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FIRST_BLOCK = {1};
    private static final int LENGTH = 16;

    private AuthenticationKey() {
    }

    static byte[] derive(BigInteger u, BigInteger sharedSecret) {
        byte[] pseudoRandomKey = HmacSha256.mac(PaddedHex.bytes(u), PaddedHex.bytes(sharedSecret));
        return Arrays.copyOf(HmacSha256.mac(pseudoRandomKey, INFO, FIRST_BLOCK), LENGTH);
    }
}
