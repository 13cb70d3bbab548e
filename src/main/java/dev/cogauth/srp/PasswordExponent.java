package dev.cogauth.srp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The private exponent x = H(pad(salt) ‖ H(poolName ‖ userIdForSrp ‖ ":" ‖ password)).
 * The salt goes in as the bytes of its padded hex, as amplify-js does, so a salt sent with
 * leading zero bytes hashes without them.
 */
final class PasswordExponent {

    private PasswordExponent() {
    }

    static BigInteger compute(String poolName, String userIdForSrp, String password, BigInteger salt) {
        byte[] identityHash = Sha256.digest((poolName + userIdForSrp + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Sha256.digestAsInteger(PaddedHex.bytes(salt), identityHash);
    }
}
