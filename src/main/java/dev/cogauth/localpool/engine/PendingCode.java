package dev.cogauth.localpool.engine;

import dev.cogauth.protocol.ErrorType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A code the pool "sent" and now expects back (sign-up confirmation, password reset), until it
 * expires, is used, or has been guessed wrong {@link #MAX_FAILURES} times; then a new one must be asked for.
 */
record PendingCode(String code, Instant expires, int failures) {

    static final int MAX_FAILURES = 5;

    @Override
    public String toString() {
        return "PendingCode[***, " + expires + ", " + failures + "]";
    }

    /**
     * Checks {@code given} against {@code pending} as Cognito answers: expired or absent, too many
     * wrong tries, or a mismatch (counted through {@code store}); a match is consumed. Callers hold the user's lock.
     */
    static void check(PendingCode pending, String given, Instant now, Consumer<PendingCode> store) {
        if (pending == null || now.isAfter(pending.expires())) {
            store.accept(null);
            throw new CognitoError(ErrorType.EXPIRED_CODE, "Invalid code provided, please request a code again.");
        }
        if (pending.failures() >= MAX_FAILURES) {
            throw new CognitoError(ErrorType.LIMIT_EXCEEDED, "Attempt limit exceeded, please try after some time.");
        }
        if (!MessageDigest.isEqual(pending.code().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            store.accept(new PendingCode(pending.code(), pending.expires(), pending.failures() + 1));
            throw new CognitoError(ErrorType.CODE_MISMATCH, "Invalid verification code provided, please try again.");
        }
        store.accept(null);
    }
}
