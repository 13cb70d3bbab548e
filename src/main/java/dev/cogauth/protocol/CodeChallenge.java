package dev.cogauth.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * PKCE (RFC 7636) as both ends of the authorization code grant see it: the client derives the
 * code challenge from its verifier, the token endpoint checks a verifier against the challenge.
 * Pure.
 */
public final class CodeChallenge {
    public static final String S256 = "S256";
    /** The challenge is the verifier itself; Cognito still accepts it. */
    public static final String PLAIN = "plain";
    /** RFC 7636 section 4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private CodeChallenge() {
    }

    /** Whether {@code verifier} has the shape RFC 7636 section 4.1 allows. */
    public static boolean isVerifier(String verifier) {
        return verifier != null && VERIFIER.matcher(verifier).matches();
    }

    /** The S256 challenge: BASE64URL(SHA256(ASCII(verifier))), without padding. */
    public static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * RFC 7636 section 4.6: whether {@code verifier} proves {@code challenge}, made with {@code method}
     * (S256, else plain); compared in constant time. A verifier of the wrong shape never does.
     */
    public static boolean matches(String method, String challenge, String verifier) {
        if (!isVerifier(verifier)) {
            return false;
        }
        String expected = method.equals(S256) ? s256(verifier) : verifier;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
