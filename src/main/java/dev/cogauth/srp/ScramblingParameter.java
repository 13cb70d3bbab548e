package dev.cogauth.srp;

import java.math.BigInteger;

/** u = H(pad(A) ‖ pad(B)); both sides refuse u = 0, which would take the password out of S. */
final class ScramblingParameter {

    private ScramblingParameter() {
    }

    static BigInteger compute(BigInteger publicA, BigInteger publicB) {
        return requireNonZero(Sha256.digestAsInteger(PaddedHex.bytes(publicA), PaddedHex.bytes(publicB)));
    }

    /** Separate from {@link #compute} because no one can find A and B whose hash is zero to test it. */
    static BigInteger requireNonZero(BigInteger u) {
        if (u.signum() == 0) {
            throw new SrpException("SRP scrambling parameter u is zero");
        }
        return u;
    }
}
