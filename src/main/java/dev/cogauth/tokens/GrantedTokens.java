package dev.cogauth.tokens;

import dev.cogauth.api.AuthenticationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hands out a client_credentials access token with enough life left ({@link RefreshThreshold}), asking
 * the token endpoint for a new one when the cached one is missing or too old. There is no refresh
 * token: a client renews by asking again, with its secret, which is only looked up then. As with
 * {@link FreshTokens}, the grant runs under the entry's lock, and whoever gets the lock after another
 * caller was granted a token uses that one, so N concurrent callers cause one grant.
 */
public final class GrantedTokens {
    private final TokenCache cache;
    private final Clock clock;
    private final Consumer<String> notice;

    /** @param notice where the one-line note goes when a new token lives less than --min-ttl */
    public GrantedTokens(TokenCache cache, Clock clock, Consumer<String> notice) {
        this.cache = cache;
        this.clock = clock;
        this.notice = notice;
    }

    /**
     * The entry, with an access token fresh enough for {@code minTtl}: from the cache when it is,
     * else from {@code grant}, whose tokens are cached.
     */
    public TokenEntry atLeast(CacheKey key, Duration minTtl, Supplier<AuthenticationResult> grant) {
        Optional<TokenEntry> cached = cache.read(key);
        if (cached.isPresent() && RefreshThreshold.freshEnough(cached.get(), TokenType.ACCESS, minTtl, clock.instant())) {
            return cached.get();
        }
        String stale = cached.map(TokenEntry::accessToken).orElse(null);
        TokenEntry entry = cache.update(key, current -> {
            Instant now = clock.instant();
            if (current != null && (!current.accessToken().equals(stale) && current.expiryOf(TokenType.ACCESS)
                    .isAfter(now) || RefreshThreshold.freshEnough(current, TokenType.ACCESS, minTtl, now))) {
                return current;
            }
            return granted(key, grant.get());
        });
        Duration left = Duration.between(clock.instant(), entry.expiryOf(TokenType.ACCESS));
        if (left.compareTo(minTtl) < 0) {
            notice.accept("the new access token has " + left.toSeconds() + "s left, less than --min-ttl "
                    + minTtl.toSeconds() + "s" + entry.lifetimeOf(TokenType.ACCESS)
                            .map(life -> " (the token endpoint issues it for " + life.toSeconds() + "s)").orElse(""));
        }
        return entry;
    }

    /**
     * Caches a grant's tokens (signin). They do not become the most recent sign-in, which commands
     * given no target act on: that stays a user's.
     */
    public TokenEntry store(CacheKey key, AuthenticationResult tokens) {
        TokenEntry entry = granted(key, tokens);
        cache.update(key, old -> entry);
        return entry;
    }

    private TokenEntry granted(CacheKey key, AuthenticationResult tokens) {
        return TokenEntry.fromSignIn(key, null, null, tokens, clock.instant(), null, null);
    }
}
