package dev.cogauth.tokens;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.api.AuthenticationResult;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStatusTest {
    private static final Instant EXP = Instant.parse("2026-11-26T11:00:00Z");

    /** The claims a pool (or its triggers) wrote go to a terminal: no escape sequence gets through. */
    @Test
    void claimsWithControlCharactersAreShownEscapedInTheText(@TempDir Path dir) {
        String hostile = "alice\u001b]0;PWNED\u0007\u001b[2J\u202e";
        Instant iat = EXP.minusSeconds(3600);
        TokenEntry entry = TokenEntry.fromSignIn(TestTokens.KEY, null, "http://127.0.0.1:1",
                new AuthenticationResult(TestTokens.jwt("id", hostile, iat, EXP), TestTokens.jwt("access", hostile, iat, EXP),
                        "refresh", 3600, "Bearer", null), iat, null, null);

        String text = SessionStatus.text(entry, dir, iat);

        assertTrue(text.contains("0000-sub-alice"), text);
        assertFalse(text.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e), text);
        assertTrue(text.lines().count() > 3, "still one line per field: " + text);
    }
}
