package dev.cogauth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many callers of one stale entry at once, each with its own cache object as separate processes
 * have: exactly one refresh, and every caller hands out the same token. The window this guards:
 * between a caller's unlocked read and its re-read under the lock, another caller refreshes and
 * time passes (20 JVMs starting on a busy machine wait seconds for the lock). The re-read must
 * take the new token even when it has less left than the threshold by then, instead of
 * refreshing again and handing out a second token; and the caller that refreshed must hand out
 * its own new token, not fail because time passed since.
 */
class ConcurrentCallersTest {
    private static final int CALLERS = 30;
    private static final int MAX_ROUNDS = 40;
    private static final Duration TIME_BOUND = Duration.ofSeconds(20);
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    /** The pool issues every token at START. */
    private static final Clock POOL_CLOCK = Clock.fixed(START, ZoneOffset.UTC);
    /** The new 40 s token has 15 s left by then: under the 20 s threshold (30 s capped at half of 40 s). */
    private static final Duration WAIT = Duration.ofSeconds(25);

    @TempDir
    Path temp;

    /**
     * One caller's clock: its first look (the unlocked read) is when the callers start, every later
     * look {@link #WAIT} on, as for a caller that waited that long for the lock.
     */
    private static final class WaitingCallersClock extends Clock {
        private final AtomicInteger looks = new AtomicInteger();

        @Override
        public Instant instant() {
            return looks.getAndIncrement() == 0 ? START : START.plus(WAIT);
        }

        @Override
        public ZoneId getZone() {
            return POOL_CLOCK.getZone();
        }

        /** Not needed: FreshTokens reads only instants. */
        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void forty_second_tokens_with_min_ttl_30s_make_one_refresh_and_one_token_round_after_round() throws Exception {
        long deadline = System.nanoTime() + TIME_BOUND.toNanos();
        int rounds = 0;
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            while (rounds < MAX_ROUNDS && (rounds < 3 || System.nanoTime() < deadline)) {
                round(callers, temp.resolve("round-" + rounds));
                rounds++;
            }
        } finally {
            callers.shutdownNow();
        }
        assertTrue(rounds >= 3, "rounds run: " + rounds);
    }

    private void round(ExecutorService callers, Path dir) throws Exception {
        FakeRefreshPool pool = new FakeRefreshPool(POOL_CLOCK, FakeRefreshPool.Kind.PLAIN);
        pool.lifetime = Duration.ofSeconds(40);
        TokenEntry stale = TestTokens.entry(TestTokens.KEY, START.minusSeconds(25), START.plusSeconds(15));
        pool.validRefreshTokens.add(stale.refreshToken());
        new TokenCache(dir, this::unexpected).store(stale);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> printed = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            printed.add(callers.submit(() -> {
                Clock clock = new WaitingCallersClock();
                FreshTokens fresh = new FreshTokens(new TokenCache(dir, this::unexpected),
                        entry -> new TokenRefresher(pool, Optional.empty(), POOL_CLOCK, message -> { }), clock, note -> { });
                start.await();
                return fresh.atLeast(TestTokens.KEY, TokenType.ID, Duration.ofSeconds(30)).idToken();
            }));
        }
        start.countDown();
        Set<String> tokens = new java.util.HashSet<>();
        for (Future<String> token : printed) {
            tokens.add(token.get(60, TimeUnit.SECONDS));
        }
        assertEquals(List.of("GetTokensFromRefreshToken"), pool.calls, "refreshes in " + dir.getFileName());
        assertEquals(1, tokens.size(), "distinct tokens handed out in " + dir.getFileName() + ": "
                + tokens.stream().map(t -> t.equals(stale.idToken()) ? "the old one" : "a new one")
                        .collect(Collectors.joining(", ")));
    }

    private void unexpected(String warning) {
        throw new AssertionError("unexpected warning: " + warning);
    }
}
