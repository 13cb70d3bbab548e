package dev.cogauth.localpool.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque pagination tokens of list operations: the last key of the page before, base64url. */
final class PageToken {

    private PageToken() {
    }

    static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a token continues after; null for no token; InvalidParameterException for one the pool did not make. */
    static String decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw CognitoError.invalidParameter("Invalid pagination token.");
        }
    }
}
