package dev.cogauth.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method: the verifier stays here, its
 * hash goes in the authorize URL, and only the holder of the verifier can exchange the code.
 */
public record Pkce(String verifier, String challenge) {
    /** RFC 7636 section 4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    public static final String METHOD = "S256";

    public Pkce {
        if (!VERIFIER.matcher(verifier).matches()) {
            throw new IllegalArgumentException("a PKCE verifier is 43 to 128 of A-Z a-z 0-9 . _ ~ -");
        }
    }

    /** A fresh verifier: 32 random bytes, 43 base64url characters, as RFC 7636 recommends. */
    public static Pkce generate(SecureRandom random) {
        return of(RandomText.urlSafe(random, 32));
    }

    public static Pkce of(String verifier) {
        return new Pkce(verifier, s256(verifier));
    }

    /** BASE64URL(SHA256(ASCII(verifier))), without padding. */
    public static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[challenge=" + challenge + "]";
    }
}
