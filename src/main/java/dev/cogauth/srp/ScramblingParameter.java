package dev.cogauth.srp;

import java.math.BigInteger;

/** u = H(pad(A) ‖ pad(B)); both sides refuse u = 0, which would take the password out of S. */
final class ScramblingParameter {

    private ScramblingParameter() {
    }

    static BigInteger compute(BigInteger publicA, BigInteger publicB) {
        BigInteger u = Sha256.digestAsInteger(PaddedHex.bytes(publicA), PaddedHex.bytes(publicB));
        if (u.signum() == 0) {
            throw new SrpException("SRP scrambling parameter u is zero");
        }
        return u;
    }
}
