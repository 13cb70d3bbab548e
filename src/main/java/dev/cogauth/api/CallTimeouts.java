package dev.cogauth.api;

import java.time.Duration;

/**
 * How long one call to a pool may take: to connect, per try, and in all, the SDK's retries included. A CLI
 * waits seconds, not the SDK's default of 4 tries of 30 s each; a server that accepts and never answers
 * then costs at most {@code overall}.
 */
public record CallTimeouts(Duration connect, Duration attempt, Duration overall) {
    /** The whole call, retries included, unless --timeout says otherwise. */
    private static final Duration DEFAULT_OVERALL = Duration.ofSeconds(30);
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration ATTEMPT = Duration.ofSeconds(10);

    public static final CallTimeouts DEFAULT = of(DEFAULT_OVERALL);

    /** Connecting takes at most 5 s and a try 10 s, neither longer than the whole call. */
    public static CallTimeouts of(Duration overall) {
        if (overall.isNegative() || overall.isZero()) {
            throw new IllegalArgumentException("a timeout must be longer than zero");
        }
        return new CallTimeouts(min(CONNECT, overall), min(ATTEMPT, overall), overall);
    }

    /**
     * As the record's own, written out: picocli prints every option value it sets (--timeout's default
     * included), and a record's generated toString is linked at run time, cold work on every start.
     */
    @Override
    public String toString() {
        return "CallTimeouts[connect=" + connect + ", attempt=" + attempt + ", overall=" + overall + "]";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
