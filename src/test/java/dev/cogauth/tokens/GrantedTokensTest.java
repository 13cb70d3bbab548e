package dev.cogauth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.api.AuthenticationResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrantedTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CacheKey KEY = CacheKey.clientCredentials("https://example.auth.us-east-1.amazoncognito.com",
            "machine", List.of("orders/write", "orders/read"));

    @TempDir
    Path dir;

    private final AtomicInteger grants = new AtomicInteger();
    private final List<String> notes = new ArrayList<>();

    private GrantedTokens granted() {
        return new GrantedTokens(new TokenCache(dir, message -> {
            throw new AssertionError("unexpected warning: " + message);
        }), CLOCK, notes::add);
    }

    /** A grant whose access token was issued now and lives {@code lifetime}. */
    private Supplier<AuthenticationResult> grant(Duration lifetime) {
        return grant(NOW, NOW.plus(lifetime));
    }

    /** A grant whose access token was issued at {@code iat} and expires at {@code exp}. */
    private Supplier<AuthenticationResult> grant(Instant iat, Instant exp) {
        return () -> {
            int number = grants.incrementAndGet();
            String token = TestTokens.jwt("access", "grant" + number, iat, exp);
            return new AuthenticationResult(null, token, null, (int) Duration.between(NOW, exp).toSeconds(), "Bearer",
                    null);
        };
    }

    @Test
    void theKeyIsTheSameWhateverTheScopeOrder() {
        CacheKey other = CacheKey.clientCredentials("https://example.auth.us-east-1.amazoncognito.com", "machine",
                List.of("orders/read", "orders/write", "orders/read"));
        assertEquals(KEY, other);
        assertEquals(KEY.fileName(), other.fileName());
        assertTrue(KEY.isClientCredentials());
        assertEquals("client machine at https://example.auth.us-east-1.amazoncognito.com (scopes orders/read"
                + " orders/write)", KEY.describe());
    }

    @Test
    void grantsWhenNothingIsCachedThenServesTheCache() {
        TokenEntry first = granted().atLeast(KEY, Duration.ofMinutes(5), grant(Duration.ofHours(1)));
        TokenEntry second = granted().atLeast(KEY, Duration.ofMinutes(5), () -> {
            throw new AssertionError("a fresh cached token needs no grant (nor the secret)");
        });
        assertEquals(1, grants.get());
        assertEquals(first.accessToken(), second.accessToken());
        assertNull(second.idToken());
        assertNull(second.refreshToken());
        assertEquals(NOW.plus(Duration.ofHours(1)), second.expiryOf(TokenType.ACCESS));
    }

    @Test
    void aStoredGrantIsNotTheMostRecentSignIn() {
        TokenCache cache = new TokenCache(dir, message -> { });
        cache.store(TestTokens.entry(TestTokens.KEY, NOW.plus(Duration.ofHours(1))));
        granted().store(KEY, grant(Duration.ofHours(1)).get());
        assertEquals(java.util.Optional.of(TestTokens.KEY), cache.current(), "commands without a target act on users");
        assertTrue(cache.read(KEY).isPresent());
    }

    @Test
    void grantsAgainWhenTheCachedTokenIsDue() {
        // An hour's token with 10 minutes left: more than --min-ttl 5m, so fresh.
        granted().atLeast(KEY, Duration.ofMinutes(5), grant(NOW.minus(Duration.ofMinutes(50)),
                NOW.plus(Duration.ofMinutes(10))));
        granted().atLeast(KEY, Duration.ofMinutes(5), grant(Duration.ofHours(1)));
        assertEquals(1, grants.get(), "10 minutes left: no new grant");
        // An hour's token with 3 minutes left: due.
        new TokenCache(dir, message -> { }).update(KEY, entry -> TokenEntry.fromSignIn(KEY, null, null,
                grant(NOW.minus(Duration.ofMinutes(57)), NOW.plus(Duration.ofMinutes(3))).get(), NOW, null, null));
        TokenEntry renewed = granted().atLeast(KEY, Duration.ofMinutes(5), grant(Duration.ofHours(1)));
        assertEquals(3, grants.get(), "3 minutes left: granted anew");
        assertEquals(NOW.plus(Duration.ofHours(1)), renewed.expiryOf(TokenType.ACCESS));
        assertTrue(notes.isEmpty(), "no note: the new token lives longer than --min-ttl");
    }

    @Test
    void concurrentCallersCauseOneGrant() throws Exception {
        int callers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> printed = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    printed.add(granted().atLeast(KEY, Duration.ofMinutes(5), grant(Duration.ofHours(1))).accessToken());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, grants.get());
        assertEquals(1, printed.size());
    }
}
