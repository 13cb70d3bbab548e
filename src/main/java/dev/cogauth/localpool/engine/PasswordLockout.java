package dev.cogauth.localpool.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Cognito's lockout after wrong passwords, as its developer guide describes it: after 5 wrong
 * passwords the user is locked out for 1 s, and each further wrong one (made outside a lockout)
 * doubles it, 2^(n-5) s for n wrong passwords, up to 15 minutes. While locked, every password
 * attempt, right or wrong, gets NotAuthorizedException "Password attempts exceeded" and does not
 * count. A right password outside a lockout, or 15 minutes without any attempt, starts over.
 * One user's attempts are checked one at a time, so parallel guesses cannot slip past a lockout.
 */
final class PasswordLockout {

    static final String EXCEEDED = "Password attempts exceeded";
    /** Wrong passwords allowed before the first lockout. */
    static final int FREE_ATTEMPTS = 5;
    static final Duration LONGEST = Duration.ofMinutes(15);
    /** No attempt for this long, and the count starts over. */
    static final Duration QUIET_RESET = Duration.ofMinutes(15);

    private final Clock clock;
    /** By username: only users of the pool get an entry, so the map is as bounded as the users. */
    private final Map<String, Attempts> byUser = new ConcurrentHashMap<>();

    PasswordLockout(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs one password check for {@code username}: refused while locked out, else counted.
     *
     * @return whether the password was right
     */
    boolean attempt(String username, BooleanSupplier check) {
        Attempts attempts = byUser.computeIfAbsent(username, name -> new Attempts());
        synchronized (attempts) {
            Instant now = clock.instant();
            if (attempts.last != null && !now.isBefore(attempts.last.plus(QUIET_RESET))) {
                attempts.wrong = 0;
                attempts.lockedUntil = null;
            }
            attempts.last = now;
            if (attempts.lockedUntil != null && now.isBefore(attempts.lockedUntil)) {
                throw CognitoError.notAuthorized(EXCEEDED);
            }
            boolean right = check.getAsBoolean();
            if (right) {
                attempts.wrong = 0;
                attempts.lockedUntil = null;
            } else if (++attempts.wrong >= FREE_ATTEMPTS) {
                attempts.lockedUntil = now.plus(lockout(attempts.wrong));
            }
            return right;
        }
    }

    /** How long {@code wrong} wrong passwords lock the user out: 2^(wrong-5) s, at most 15 minutes. */
    static Duration lockout(int wrong) {
        int exponent = wrong - FREE_ATTEMPTS;
        if (exponent < 0) {
            return Duration.ZERO;
        }
        return exponent >= 10 ? LONGEST : Duration.ofSeconds(1L << exponent);
    }

    private static final class Attempts {
        int wrong;
        Instant lockedUntil;
        Instant last;
    }
}
