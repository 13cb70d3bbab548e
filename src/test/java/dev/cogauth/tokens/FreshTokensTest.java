package dev.cogauth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.srp.SecretHash;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreshTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final List<String> debug = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final AtomicInteger refreshersBuilt = new AtomicInteger();

    private TokenCache cache() {
        return new TokenCache(dir, message -> { throw new AssertionError("unexpected warning: " + message); });
    }

    private FreshTokens fresh(FakeRefreshPool pool, Optional<String> secret) {
        return new FreshTokens(cache(), entry -> {
            refreshersBuilt.incrementAndGet();
            return new TokenRefresher(pool, secret, CLOCK, debug::add);
        }, CLOCK, notes::add);
    }

    /** A stored entry whose tokens expire {@code secondsLeft} from now, with a refresh token the pool knows. */
    private TokenEntry stored(FakeRefreshPool pool, long secondsLeft) {
        return stored(pool, TestTokens.entry(TestTokens.KEY, NOW.plusSeconds(secondsLeft)));
    }

    private TokenEntry stored(FakeRefreshPool pool, TokenEntry entry) {
        pool.validRefreshTokens.add(entry.refreshToken());
        cache().store(entry);
        return entry;
    }

    @Nested
    class A_sign_in_without_an_id_token {
        @Test
        void hands_out_its_access_token() {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.PLAIN);
            TokenEntry entry = stored(pool, TestTokens.entryWithoutIdToken(TestTokens.KEY, NOW.plusSeconds(3600)));
            assertEquals(entry, fresh(pool, Optional.empty()).atLeast(TestTokens.KEY, TokenType.ACCESS,
                    Duration.ofMinutes(5)));
        }

        @Test
        void asked_for_the_id_token_says_so_in_one_line_without_refreshing() {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.PLAIN);
            stored(pool, TestTokens.entryWithoutIdToken(TestTokens.KEY, NOW.plusSeconds(10)));
            NoIdTokenException e = assertThrows(NoIdTokenException.class, () -> fresh(pool, Optional.empty())
                    .atLeast(TestTokens.KEY, TokenType.ID, Duration.ofMinutes(5)));
            assertTrue(e.getMessage().contains("without the openid scope"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertEquals(List.of(), pool.calls, "a refresh would not bring one");
        }

        @Test
        void that_a_refresh_left_out_is_a_clear_refusal_not_a_null() {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.PLAIN);
            pool.withoutIdToken = true;
            stored(pool, 0);
            NoIdTokenException e = assertThrows(NoIdTokenException.class, () -> fresh(pool, Optional.empty())
                    .atLeast(TestTokens.KEY, TokenType.ID, Duration.ofMinutes(5)));
            assertTrue(e.getMessage().contains("needs an ID token"), e.getMessage());
            assertEquals(List.of("GetTokensFromRefreshToken"), pool.calls);
            assertNull(cache().read(TestTokens.KEY).orElseThrow().idToken(), "the refreshed tokens are kept");
        }
    }

    @Nested
    class Tokens_with_enough_life_left {
        @ParameterizedTest(name = "{0}s left, min-ttl {1}s")
        @CsvSource({"3600, 300", "301, 300", "300, 300", "90, 90", "100, 0"})
        void come_from_the_cache_without_building_a_refresher(long left, long minTtl) {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.PLAIN);
            TokenEntry entry = stored(pool, left);
            TokenEntry got = fresh(pool, Optional.empty()).atLeast(TestTokens.KEY, TokenType.ID, Duration.ofSeconds(minTtl));
            assertEquals(entry, got);
            assertEquals(0, refreshersBuilt.get(), "the SDK must not even be constructed");
            assertEquals(List.of(), pool.calls);
        }
    }

    @Nested
    class Tokens_about_to_expire {
        @ParameterizedTest(name = "{0}s left, min-ttl {1}s")
        @CsvSource({"299, 300", "0, 300", "-3600, 300", "1799, 3600"})
        void are_refreshed_and_saved_before_being_handed_out(long left, long minTtl) {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.PLAIN);
            TokenEntry old = stored(pool, left);
            TokenEntry got = fresh(pool, Optional.empty())
                    .atLeast(TestTokens.KEY, TokenType.ACCESS, Duration.ofSeconds(minTtl));
            assertEquals(List.of("GetTokensFromRefreshToken"), pool.calls);
            assertNotEquals(old.accessToken(), got.accessToken());
            assertEquals(old.refreshToken(), got.refreshToken(), "without rotation the refresh token stays");
            assertEquals(got, cache().read(TestTokens.KEY).orElseThrow(), "saved before it is returned");
            assertEquals(NOW.plusSeconds(3600), got.expiresAt());
        }

        @Test
        void in_a_pool_without_GetTokensFromRefreshToken_use_REFRESH_TOKEN_AUTH_and_remember_it() {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.LEGACY);
            TokenEntry old = stored(pool, 0);
            TokenEntry got = fresh(pool, Optional.empty()).atLeast(TestTokens.KEY, TokenType.ID, Duration.ofMinutes(5));
            assertEquals(List.of("GetTokensFromRefreshToken", "InitiateAuth REFRESH_TOKEN_AUTH"), pool.calls);
            assertEquals(old.refreshToken(), got.refreshToken());
            assertEquals(TokenRefresher.INITIATE_AUTH, cache().read(TestTokens.KEY).orElseThrow().refreshApi());

            pool.calls.clear();
            fresh(pool, Optional.empty()).refreshNow(TestTokens.KEY);
            assertEquals(List.of("InitiateAuth REFRESH_TOKEN_AUTH"), pool.calls, "learnt once");
        }

        @Test
        void send_the_secret_hash_for_the_pools_username_when_the_client_has_a_secret() {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.LEGACY);
            stored(pool, 0);
            fresh(pool, Optional.of("s3cret")).atLeast(TestTokens.KEY, TokenType.ID, Duration.ofMinutes(5));
            assertEquals(SecretHash.compute("s3cret", "alice", "client1"), pool.parameters.get(0).get("SECRET_HASH"));
        }

        @Test
        void send_no_secret_hash_without_a_secret() {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.LEGACY);
            stored(pool, 0);
            fresh(pool, Optional.empty()).atLeast(TestTokens.KEY, TokenType.ID, Duration.ofMinutes(5));
            assertFalse(pool.parameters.get(0).containsKey("SECRET_HASH"));
        }

        @Test
        void of_a_rotating_client_save_the_new_refresh_token_before_handing_them_out() {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.ROTATING);
            TokenEntry old = stored(pool, 0);
            TokenEntry got = fresh(pool, Optional.empty()).atLeast(TestTokens.KEY, TokenType.ID, Duration.ofMinutes(5));
            assertEquals(List.of("GetTokensFromRefreshToken"), pool.calls);
            assertTrue(got.refreshToken().startsWith("rotated-"));
            assertEquals(got.refreshToken(), cache().read(TestTokens.KEY).orElseThrow().refreshToken());
            assertFalse(pool.validRefreshTokens.contains(old.refreshToken()));

            pool.calls.clear();
            TokenEntry again = fresh(pool, Optional.empty()).refreshNow(TestTokens.KEY);
            assertEquals(List.of("GetTokensFromRefreshToken"), pool.calls);
            assertNotEquals(got.refreshToken(), again.refreshToken(), "each refresh rotates");
        }

        @Test
        void with_a_revoked_refresh_token_need_a_sign_in_and_the_pool_is_asked_once() {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.PLAIN);
            TokenEntry entry = stored(pool, 0);
            pool.validRefreshTokens.remove(entry.refreshToken());
            FreshTokens fresh = fresh(pool, Optional.empty());
            SignInNeededException first = assertThrows(SignInNeededException.class,
                    () -> fresh.atLeast(TestTokens.KEY, TokenType.ID, Duration.ofMinutes(5)));
            assertTrue(first.getMessage().endsWith("run cogauth signin"), first.getMessage());
            assertNull(cache().read(TestTokens.KEY).orElseThrow().refreshToken(), "the refused token is dropped");

            assertThrows(SignInNeededException.class,
                    () -> fresh.atLeast(TestTokens.KEY, TokenType.ID, Duration.ofMinutes(5)));
            assertEquals(List.of("GetTokensFromRefreshToken"), pool.calls, "no second try at the pool");
            assertFalse(first.getMessage().contains(entry.refreshToken()));
        }

        @Test
        void refused_for_a_wrong_client_secret_keep_the_refresh_token() {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.PLAIN);
            TokenEntry entry = stored(pool, 0);
            pool.secretRefusal = "Unable to verify secret hash for client client1";
            CognitoServiceException e = assertThrows(CognitoServiceException.class, () -> fresh(pool, Optional.empty())
                    .atLeast(TestTokens.KEY, TokenType.ID, Duration.ofMinutes(5)));
            assertEquals("NotAuthorizedException", e.errorType());
            assertEquals(entry.refreshToken(), cache().read(TestTokens.KEY).orElseThrow().refreshToken());
        }

        @Test
        void longer_than_the_pool_issues_them_for_are_handed_out_just_refreshed_with_one_note() {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.PLAIN);
            stored(pool, 0);
            TokenEntry got = fresh(pool, Optional.empty()).atLeast(TestTokens.KEY, TokenType.ID, Duration.ofHours(2));
            assertEquals(NOW.plusSeconds(3600), got.expiryOf(TokenType.ID));
            assertEquals(1, pool.calls.size());
            assertEquals(List.of("the new id token has 3600s left, less than --min-ttl 7200s (the pool issues it for 3600s)"),
                    notes);

            pool.calls.clear();
            fresh(pool, Optional.empty()).atLeast(TestTokens.KEY, TokenType.ID, Duration.ofHours(2));
            assertEquals(List.of(), pool.calls, "the next call takes it from the cache: no refresh on every call");
            assertEquals(1, notes.size(), "and says nothing more");
        }
    }

    /** Cognito's shortest tokens live 5 minutes, as long as the default --min-ttl. */
    @Nested
    class Five_minute_tokens_with_the_default_min_ttl {
        @Test
        void are_refreshed_only_in_the_second_half_of_their_life() {
            Map<Long, Boolean> refreshedWithSecondsLeft = Map.of(300L, false, 200L, false, 150L, false, 149L, true,
                    0L, true);
            refreshedWithSecondsLeft.forEach((left, refreshed) -> {
                FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.PLAIN);
                pool.lifetime = Duration.ofMinutes(5);
                TokenEntry entry = stored(pool, TestTokens.entry(TestTokens.KEY, NOW.plusSeconds(left - 300),
                        NOW.plusSeconds(left)));
                TokenEntry got = fresh(pool, Optional.empty()).atLeast(TestTokens.KEY, TokenType.ID,
                        Duration.ofMinutes(5));
                assertEquals(refreshed ? 1 : 0, pool.calls.size(), left + "s left");
                assertEquals(!refreshed, got.equals(entry), left + "s left");
            });
            assertEquals(List.of(), notes, "a new 5-minute token has the 5 minutes asked for");
        }
    }

    @Nested
    class Without_a_cache_entry {
        @Test
        void a_sign_in_is_needed() {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.PLAIN);
            SignInNeededException e = assertThrows(SignInNeededException.class,
                    () -> fresh(pool, Optional.empty()).atLeast(TestTokens.KEY, TokenType.ID, Duration.ZERO));
            assertTrue(e.getMessage().contains("alice in us-east-1_AbCdEf123"), e.getMessage());
            assertEquals(0, refreshersBuilt.get());
        }
    }

    @Nested
    class A_forced_refresh {
        @Test
        void refreshes_even_fresh_tokens() {
            FakeRefreshPool pool = new FakeRefreshPool(CLOCK, FakeRefreshPool.Kind.PLAIN);
            TokenEntry old = stored(pool, 3000);
            TokenEntry got = fresh(pool, Optional.empty()).refreshNow(TestTokens.KEY);
            assertEquals(1, pool.calls.size());
            assertNotEquals(old.idToken(), got.idToken());
            assertFalse(debug.stream().anyMatch(line -> line.contains(old.refreshToken())), debug.toString());
            assertFalse(debug.isEmpty(), "the refresh is traced");
        }
    }
}
