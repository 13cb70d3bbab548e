package dev.cogauth.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Function;

/**
 * Hands out cached tokens with enough life left, refreshing them first when needed. The
 * common case reads one file and nothing else; only a refresh takes the entry's lock and
 * builds the refresher (and with it the AWS SDK). Whoever gets the lock second finds the
 * entry already refreshed and uses it, so N concurrent callers cause one refresh.
 */
public final class FreshTokens {
    private final TokenCache cache;
    private final Function<TokenEntry, TokenRefresher> refresher;
    private final Clock clock;

    /** @param refresher builds the refresher for an entry's pool, only when a refresh is due */
    public FreshTokens(TokenCache cache, Function<TokenEntry, TokenRefresher> refresher, Clock clock) {
        this.cache = cache;
        this.refresher = refresher;
        this.clock = clock;
    }

    /** The entry, with a {@code type} token valid for at least {@code minTtl}. */
    public TokenEntry atLeast(CacheKey key, TokenType type, Duration minTtl) {
        TokenEntry cached = cache.read(key).orElseThrow(() -> noEntry(key));
        if (freshEnough(cached, type, minTtl)) {
            return cached;
        }
        TokenEntry entry = refreshUnderLock(key, current -> !freshEnough(current, type, minTtl));
        if (!freshEnough(entry, type, minTtl)) {
            Duration lifetime = Duration.between(clock.instant(), entry.expiryOf(type));
            throw new TokenLifetimeException("the pool issues tokens valid for " + lifetime.toSeconds()
                    + "s, less than the --min-ttl of " + minTtl.toSeconds() + "s");
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

    private boolean freshEnough(TokenEntry entry, TokenType type, Duration minTtl) {
        return !entry.expiryOf(type).isBefore(clock.instant().plus(minTtl));
    }

    private static SignInNeededException noEntry(CacheKey key) {
        return new SignInNeededException("no cached sign-in for " + key.describe());
    }
}
