package dev.cogauth.oauth;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable URL-safe values: PKCE verifiers, {@code state} and {@code nonce}. */
public final class RandomText {

    private RandomText() {
    }

    /** {@code bytes} random bytes as base64url without padding. */
    public static String urlSafe(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
