package dev.cogauth.oauth;

import dev.cogauth.protocol.CodeChallenge;
import java.security.SecureRandom;

/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method: the verifier stays here, its
 * hash goes in the authorize URL, and only the holder of the verifier can exchange the code.
 */
public record Pkce(String verifier, String challenge) {
    public Pkce {
        if (!CodeChallenge.isVerifier(verifier)) {
            throw new IllegalArgumentException("a PKCE verifier is 43 to 128 of A-Z a-z 0-9 . _ ~ -");
        }
    }

    /** A fresh verifier: 32 random bytes, 43 base64url characters, as RFC 7636 recommends. */
    public static Pkce generate(SecureRandom random) {
        return of(RandomText.urlSafe(random, 32));
    }

    public static Pkce of(String verifier) {
        return new Pkce(verifier, CodeChallenge.s256(verifier));
    }

    @Override
    public String toString() {
        return "Pkce[challenge=" + challenge + "]";
    }
}
