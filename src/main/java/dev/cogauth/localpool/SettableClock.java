package dev.cogauth.localpool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The pool's clock for tests: real time plus an offset that a test moves, to expire sessions,
 * codes and tokens without waiting. Moving it never goes backwards unless asked to with {@link #set}.
 */
public final class SettableClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public SettableClock() {
        this(Clock.systemUTC());
    }

    public SettableClock(Clock base) {
        this.base = base;
    }

    /** A clock standing at now that moves only when the test moves it: timings cannot depend on the machine's load. */
    public static SettableClock stopped() {
        return new SettableClock(Clock.fixed(Instant.now(), ZoneOffset.UTC));
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Sets the clock to {@code instant}; it runs on from there. */
    public void set(Instant instant) {
        offset = Duration.between(base.instant(), instant);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
