package dev.cogauth.srp;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The client half of one sign-in attempt: holds the private a and public A = g^a mod N, and
 * answers the PASSWORD_VERIFIER (or DEVICE_PASSWORD_VERIFIER) challenge that follows.
 * Immutable; {@link Object#toString()} is not overridden, so a is never printed.
 */
public final class SrpClient {

    private final BigInteger privateKey;
    private final BigInteger publicKey;

    private SrpClient(BigInteger privateKey, BigInteger publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static SrpClient start(SecureRandom random) {
        while (true) {
            BigInteger a = RandomExponent.generate(random, RandomExponent.CLIENT_BYTES);
            BigInteger publicA = SrpGroup.G.modPow(a, SrpGroup.N);
            // cannot happen for a prime N, but a zero A must never be sent, so draw again
            if (publicA.signum() != 0) {
                return new SrpClient(a, publicA);
            }
        }
    }

    /** A client with a fixed a, for known-answer tests. */
    public static SrpClient withPrivateKey(BigInteger a) {
        if (a.signum() < 0) {
            throw new IllegalArgumentException("the SRP private key must not be negative");
        }
        BigInteger publicA = SrpGroup.requireValidPublicKey(SrpGroup.G.modPow(a, SrpGroup.N), "SRP_A");
        return new SrpClient(a, publicA);
    }

    /** SRP_A as sent in AuthParameters: lowercase hex without padding. */
    public String publicKeyHex() {
        return publicKey.toString(16);
    }

    /**
     * K (16 bytes), the key both sides derive; exposed for known-answer tests.
     *
     * @throws SrpException if SALT or SRP_B is not hex, B mod N = 0 or u = 0
     */
    public byte[] authenticationKey(String poolName, String userIdForSrp, String password, String saltHex, String srpBHex) {
        BigInteger publicB = SrpGroup.requireValidPublicKey(PaddedHex.parse(srpBHex, "SRP_B"), "SRP_B");
        BigInteger salt = PaddedHex.parse(saltHex, "SALT");
        BigInteger u = ScramblingParameter.compute(publicKey, publicB);
        BigInteger x = PasswordExponent.compute(poolName, userIdForSrp, password, salt);
        // S = (B - k·g^x)^(a + u·x) mod N; reduce the base first so it is never negative
        BigInteger base = publicB.subtract(SrpGroup.K.multiply(SrpGroup.G.modPow(x, SrpGroup.N))).mod(SrpGroup.N);
        BigInteger sharedSecret = base.modPow(privateKey.add(u.multiply(x)), SrpGroup.N);
        return AuthenticationKey.derive(u, sharedSecret);
    }

    /**
     * PASSWORD_CLAIM_SIGNATURE. {@code poolName} is the part of the pool id after '_'. For device
     * SRP pass the DeviceGroupKey as {@code poolName} and the DeviceKey as {@code userIdForSrp}.
     *
     * @param secretBlockBase64 SECRET_BLOCK exactly as the challenge carried it
     * @param timestamp         from {@link SrpTimestamp}; the same text goes into TIMESTAMP
     * @throws SrpException if SALT, SRP_B or SECRET_BLOCK is malformed, B mod N = 0 or u = 0
     */
    public String passwordClaimSignature(String poolName, String userIdForSrp, String password, String saltHex,
                                         String srpBHex, String secretBlockBase64, String timestamp) {
        byte[] key = authenticationKey(poolName, userIdForSrp, password, saltHex, srpBHex);
        byte[] signature = ClaimSignature.compute(key, poolName, userIdForSrp, secretBlockBase64, timestamp);
        return Base64.getEncoder().encodeToString(signature);
    }
}
