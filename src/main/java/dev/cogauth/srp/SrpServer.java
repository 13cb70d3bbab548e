package dev.cogauth.srp;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server half for the local pool, one per PASSWORD_VERIFIER challenge: holds b and
 * B = (k·v + g^b) mod N, and checks the client's claim signature. Immutable;
 * {@link Object#toString()} is not overridden, so b is never printed.
 */
public final class SrpServer {

    private final SrpVerifier verifier;
    private final BigInteger privateKey;
    private final BigInteger publicKey;

    private SrpServer(SrpVerifier verifier, BigInteger privateKey, BigInteger publicKey) {
        this.verifier = verifier;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static SrpServer start(SrpVerifier verifier, SecureRandom random) {
        BigInteger kv = SrpGroup.K.multiply(verifier.verifier());
        while (true) {
            BigInteger b = RandomExponent.generate(random, RandomExponent.SERVER_BYTES);
            BigInteger publicB = kv.add(SrpGroup.G.modPow(b, SrpGroup.N)).mod(SrpGroup.N);
            // a client refuses B = 0, so draw again rather than send it
            if (publicB.signum() != 0) {
                return new SrpServer(verifier, b, publicB);
            }
        }
    }

    /** SRP_B: lowercase hex without padding. */
    public String publicKeyHex() {
        return publicKey.toString(16);
    }

    /** SALT to send with SRP_B. */
    public String saltHex() {
        return verifier.saltHex();
    }

    /**
     * Recomputes the client's signature from A and compares it in constant time.
     *
     * @return false on any mismatch, including a signature that is not base64
     * @throws SrpException if SRP_A is not hex or A mod N = 0 (or u = 0), or the secret block is not base64
     */
    public boolean verifyPasswordClaim(String poolName, String userIdForSrp, String srpAHex, String secretBlockBase64,
                                       String timestamp, String signatureBase64) {
        BigInteger publicA = SrpGroup.requireValidPublicKey(PaddedHex.parse(srpAHex, "SRP_A"), "SRP_A");
        BigInteger u = ScramblingParameter.compute(publicA, publicKey);
        // S = (A · v^u)^b mod N
        BigInteger base = publicA.multiply(verifier.verifier().modPow(u, SrpGroup.N)).mod(SrpGroup.N);
        BigInteger sharedSecret = base.modPow(privateKey, SrpGroup.N);
        byte[] key = AuthenticationKey.derive(u, sharedSecret);
        byte[] expected = ClaimSignature.compute(key, poolName, userIdForSrp, secretBlockBase64, timestamp);
        if (signatureBase64 == null) {
            return false;
        }
        byte[] actual;
        try {
            actual = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, actual);
    }
}
