package dev.cogauth.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Hands out cached tokens with enough life left ({@link RefreshThreshold}), refreshing them first
 * when needed. The common case reads one file and nothing else; only a refresh takes the entry's
 * lock and builds the refresher (and with it the AWS SDK). Whoever gets the lock after another
 * caller refreshed finds new tokens and uses them as its own refresh would have, however long it
 * waited, so N concurrent callers cause one refresh and all print the same token.
 */
public final class FreshTokens {
    private final TokenCache cache;
    private final Function<TokenEntry, TokenRefresher> refresher;
    private final Clock clock;
    private final Consumer<String> notice;

    /**
     * @param refresher builds the refresher for an entry's pool, only when a refresh is due
     * @param notice    where the one-line note goes when new tokens live less than --min-ttl
     */
    public FreshTokens(TokenCache cache, Function<TokenEntry, TokenRefresher> refresher, Clock clock,
                       Consumer<String> notice) {
        this.cache = cache;
        this.refresher = refresher;
        this.clock = clock;
        this.notice = notice;
    }

    /**
     * The entry, with a {@code type} token fresh enough for {@code minTtl}: from the cache when
     * it is, else just refreshed, even when the pool's tokens live less than {@code minTtl}.
     *
     * @throws NoIdTokenException for the ID token of an entry that has none
     */
    public TokenEntry atLeast(CacheKey key, TokenType type, Duration minTtl) {
        TokenEntry cached = cache.read(key).orElseThrow(() -> noEntry(key));
        if (cached.token(type) == null) {
            // A sign-in without openid has none to hand out.
            throw new NoIdTokenException("this command", key);
        }
        if (RefreshThreshold.freshEnough(cached, type, minTtl, clock.instant())) {
            return cached;
        }
        String stale = cached.token(type);
        TokenEntry entry = refreshUnderLock(key, current -> {
            Instant now = clock.instant();
            boolean refreshedMeanwhile = current.token(type) != null && !current.token(type).equals(stale)
                    && current.expiryOf(type).isAfter(now);
            return !refreshedMeanwhile && !RefreshThreshold.freshEnough(current, type, minTtl, now);
        });
        if (entry.token(type) == null) {
            throw new NoIdTokenException("this command", key); // the pool's refresh answered without one
        }
        Duration left = Duration.between(clock.instant(), entry.expiryOf(type));
        if (left.compareTo(minTtl) < 0) {
            notice.accept("the new " + type.name().toLowerCase() + " token has " + left.toSeconds() + "s left, less than"
                    + " --min-ttl " + minTtl.toSeconds() + "s" + entry.lifetimeOf(type)
                            .map(life -> " (the pool issues it for " + life.toSeconds() + "s)").orElse(""));
        }
        return entry;
    }

    /** Refreshes whatever the tokens' state. */
    public TokenEntry refreshNow(CacheKey key) {
        return refreshUnderLock(key, current -> true);
    }

    private TokenEntry refreshUnderLock(CacheKey key, Predicate<TokenEntry> needsRefresh) {
        RefreshRefusedException[] refused = new RefreshRefusedException[1];
        TokenEntry result = cache.update(key, current -> {
            if (current == null) {
                throw noEntry(key);
            }
            if (!needsRefresh.test(current)) {
                return current;
            }
            try {
                return refresher.apply(current).refresh(current);
            } catch (RefreshRefusedException e) {
                refused[0] = e;
                return current.withoutRefreshToken();
            }
        });
        if (refused[0] != null) {
            throw new SignInNeededException(refused[0].getMessage());
        }
        return result;
    }

    private static SignInNeededException noEntry(CacheKey key) {
        return new SignInNeededException("no cached sign-in for " + key.describe());
    }
}
