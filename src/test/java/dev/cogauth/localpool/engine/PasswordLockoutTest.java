package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PasswordLockoutTest {

    private final SettableClock clock = new SettableClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final PasswordLockout lockout = new PasswordLockout(clock);

    @ParameterizedTest(name = "[{index}] {0} wrong passwords lock out for {1} s")
    @CsvSource({
            // Cognito's developer guide: 2^(n-5) seconds for n wrong passwords, up to about 15 minutes.
            "4, 0", "5, 1", "6, 2", "7, 4", "10, 32", "14, 512", "15, 900", "40, 900"})
    void lockoutGrowsFromOneSecondDoublingToFifteenMinutes(int wrong, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), PasswordLockout.lockout(wrong));
    }

    private boolean attempt(boolean right) {
        return lockout.attempt("alice", () -> right);
    }

    private void refused() {
        CognitoError error = assertThrows(CognitoError.class, () -> attempt(true));
        assertEquals("Password attempts exceeded", error.getMessage());
    }

    @Test
    void fiveWrongPasswordsLockOutEvenTheRightOneUntilTheLockoutEnds() {
        for (int i = 0; i < 5; i++) {
            assertFalse(attempt(false));
        }
        refused();
        clock.advance(Duration.ofMillis(999));
        refused();
        clock.advance(Duration.ofMillis(1));
        assertTrue(attempt(true), "after 1 s the right password works");
        assertFalse(attempt(false), "and the count started over: no lockout after one wrong one");
        assertTrue(attempt(true));
    }

    @Test
    void eachWrongPasswordAfterALockoutDoublesItAndAttemptsWhileLockedDoNotCount() {
        for (int i = 0; i < 5; i++) {
            attempt(false);
        }
        clock.advance(Duration.ofSeconds(1));
        assertFalse(attempt(false)); // the 6th: 2 s
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofMillis(30));
            refused(); // 1.5 s of attempts while locked: no longer lockout
        }
        clock.advance(Duration.ofMillis(500));
        assertTrue(attempt(true));
    }

    @Test
    void fifteenQuietMinutesStartOver() {
        for (int i = 0; i < 12; i++) {
            clock.advance(PasswordLockout.lockout(i));
            attempt(false);
        }
        refused();
        clock.advance(PasswordLockout.QUIET_RESET);
        assertFalse(attempt(false));
        assertFalse(attempt(false), "a fresh count: four more wrong ones before a lockout");
    }

    @Test
    void usersAreLockedOutSeparately() {
        for (int i = 0; i < 5; i++) {
            attempt(false);
        }
        refused();
        assertTrue(lockout.attempt("bob", () -> true));
    }
}
