package dev.cogauth.localpool.definition;

import java.time.Duration;

/**
 * What one running pool may hold at once, so that a burst of sign-ins or a flood of slow clients
 * cannot grow its memory without end. Not a pool-file setting: these protect the process, not
 * the Cognito behaviour being imitated.
 *
 * @param openSessions  sign-in Sessions kept at once (open or used, until they expire); beyond it,
 *                      a new challenge is refused with Cognito's throttling answer
 * @param threads       requests handled at once; more wait for a free thread
 * @param connections   client connections open at once; more are closed as they arrive
 * @param requestTime   how long a request (headers and body) may take to arrive before its
 *                      connection is closed, so a slow client holds no thread for long
 * @param refreshGrants refresh tokens (and revoked sign-ins) kept at once, until they expire;
 *                      beyond it, a sign-in is refused with Cognito's throttling answer
 */
public record PoolLimits(int openSessions, int threads, int connections, Duration requestTime, int refreshGrants) {

    public static final PoolLimits DEFAULT = new PoolLimits(10_000, 64, 2048, Duration.ofSeconds(10));

    /** Limits with the default number of refresh grants. */
    public PoolLimits(int openSessions, int threads, int connections, Duration requestTime) {
        this(openSessions, threads, connections, requestTime, 20_000);
    }

    public PoolLimits {
        if (openSessions < 1 || threads < 1 || connections < 1 || requestTime.toSeconds() < 1 || refreshGrants < 1) {
            throw new IllegalArgumentException("pool limits must be positive, the request time at least 1 s");
        }
    }
}
