package dev.cogauth.tokens;

import java.util.Locale;

/** Which token {@code cogauth token} prints. */
public enum TokenType {
    ID, ACCESS;

    public static TokenType parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "id", "id-token", "id_token" -> ID;
            case "access", "access-token", "access_token" -> ACCESS;
            default -> throw new IllegalArgumentException("unknown token type '" + text + "' (expected id or access)");
        };
    }
}
