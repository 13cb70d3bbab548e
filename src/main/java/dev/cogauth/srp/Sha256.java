package dev.cogauth.srp;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 over the concatenation of byte strings. */
final class Sha256 {

    private Sha256() {
    }

    static byte[] digest(byte[]... parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** The digest read as a non-negative big-endian integer, as SRP uses hashes. */
    static BigInteger digestAsInteger(byte[]... parts) {
        return new BigInteger(1, digest(parts));
    }
}
