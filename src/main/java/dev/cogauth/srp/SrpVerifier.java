package dev.cogauth.srp;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * What a pool stores instead of a password: the salt (padded hex) and the verifier v = g^x mod N.
 * The verifier allows an offline guessing attack on the password, so toString leaves it out.
 */
public record SrpVerifier(String saltHex, BigInteger verifier) {

    private static final int SALT_BYTES = 16;

    public SrpVerifier {
        PaddedHex.parse(saltHex, "salt");
        if (verifier.signum() <= 0 || verifier.compareTo(SrpGroup.N) >= 0) {
            throw new SrpException("verifier is not between 1 and N - 1");
        }
    }

    /** A fresh 16-byte salt and the verifier of {@code password} under it. */
    public static SrpVerifier create(String poolName, String userIdForSrp, String password, SecureRandom random) {
        byte[] saltBytes = new byte[SALT_BYTES];
        random.nextBytes(saltBytes);
        BigInteger salt = new BigInteger(1, saltBytes);
        BigInteger x = PasswordExponent.compute(poolName, userIdForSrp, password, salt);
        return new SrpVerifier(PaddedHex.of(salt), SrpGroup.G.modPow(x, SrpGroup.N));
    }

    /**
     * The verifier as ConfirmDevice's {@code DeviceSecretVerifierConfig} carries it: base64 of the
     * padded-hex bytes of {@code Salt} and {@code PasswordVerifier}.
     *
     * @throws SrpException if either is not base64 or the verifier is out of range
     */
    public static SrpVerifier fromBase64(String saltBase64, String verifierBase64) {
        byte[] salt = Base64Text.decode(saltBase64, "Salt");
        byte[] verifier = Base64Text.decode(verifierBase64, "PasswordVerifier");
        if (salt.length == 0) {
            throw new SrpException("Salt is empty");
        }
        return new SrpVerifier(PaddedHex.of(new BigInteger(1, salt)), new BigInteger(1, verifier));
    }

    /**
     * Whether {@code password} is the one this verifier was made from: recomputes g^x under the
     * stored salt and compares in constant time. This is how a pool checks a plain password
     * (USER_PASSWORD_AUTH) without keeping it.
     */
    public boolean matches(String poolName, String userIdForSrp, String password) {
        BigInteger x = PasswordExponent.compute(poolName, userIdForSrp, password, PaddedHex.parse(saltHex, "salt"));
        return MessageDigest.isEqual(PaddedHex.bytes(SrpGroup.G.modPow(x, SrpGroup.N)), PaddedHex.bytes(verifier));
    }

    public String verifierHex() {
        return PaddedHex.of(verifier);
    }

    @Override
    public String toString() {
        return "SrpVerifier[saltHex=" + saltHex + ", verifier=(hidden)]";
    }
}
