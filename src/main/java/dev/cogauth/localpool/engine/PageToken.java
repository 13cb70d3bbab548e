package dev.cogauth.localpool.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque pagination tokens of list operations: the last key of the page before, base64url. */
final class PageToken {

    private PageToken() {
    }

    /** A page size member (MaxResults, Limit): 1 to 60 as Cognito allows, {@code otherwise} when absent. */
    static int pageSize(JsonRequest request, String member, int otherwise) {
        int size = request.integer(member, otherwise);
        if (size < 1 || size > 60) {
            String camel = Character.toLowerCase(member.charAt(0)) + member.substring(1);
            throw CognitoError.invalidParameter("1 validation error detected: Value '" + size + "' at '" + camel
                    + "' failed to satisfy constraint: Member must have value between 1 and 60");
        }
        return size;
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
