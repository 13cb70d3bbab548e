package dev.cogauth.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a cached token is still worth handing out: while it has the threshold left, which is
 * --min-ttl but never more than half the token's lifetime (exp − iat), as the AWS SDKs cap their
 * refresh window for short-lived credentials. Without the cap, a pool whose tokens live no longer
 * than --min-ttl (5-minute tokens and the default 5m) would make every call refresh.
 */
final class RefreshThreshold {
    /** The threshold takes at most 1/{@value} of a token's lifetime. */
    static final int LIFETIME_DIVISOR = 2;

    private RefreshThreshold() {
    }

    /** --min-ttl, capped at half the lifetime when the token says how long it was issued for. */
    static Duration effective(Duration minTtl, Optional<Duration> lifetime) {
        return lifetime.filter(life -> !life.isNegative() && !life.isZero())
                .map(life -> life.dividedBy(LIFETIME_DIVISOR))
                .filter(cap -> cap.compareTo(minTtl) < 0)
                .orElse(minTtl);
    }

    static boolean freshEnough(TokenEntry entry, TokenType type, Duration minTtl, Instant now) {
        return !entry.expiryOf(type).isBefore(now.plus(effective(minTtl, entry.lifetimeOf(type))));
    }
}
