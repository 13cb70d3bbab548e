package dev.cogauth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.api.AwsCredentials;
import dev.cogauth.api.CognitoIdentityApi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityCredentialsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String POOL = "us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    private static final Duration SIXTEEN_MINUTES = Duration.ofMinutes(16);
    private final List<String> notes = new ArrayList<>();

    @TempDir
    Path dir;

    /** An identity pool that hands out credentials lasting {@code lifetime} and records calls with their logins. */
    private static final class FakeIdentityPool implements CognitoIdentityApi {
        final List<String> calls = new ArrayList<>();
        final List<Map<String, String>> logins = new ArrayList<>();
        Duration lifetime = Duration.ofHours(1);

        @Override
        public String getId(String identityPoolId, Map<String, String> logins) {
            calls.add("GetId " + identityPoolId);
            this.logins.add(logins);
            return "us-east-1:identity-1";
        }

        @Override
        public AwsCredentials getCredentialsForIdentity(String identityId, Map<String, String> logins) {
            calls.add("GetCredentialsForIdentity " + identityId);
            this.logins.add(logins);
            return new AwsCredentials(identityId, "AKIA" + calls.size(), "secret", "session", NOW.plus(lifetime));
        }
    }

    private final TokenCache cache() {
        return new TokenCache(dir, warning -> { throw new AssertionError(warning); });
    }

    @Test
    void exchanges_the_id_token_under_the_user_pools_provider_name_and_caches_the_result() {
        TokenEntry entry = TestTokens.entry(TestTokens.KEY, NOW.plusSeconds(3600));
        cache().store(entry);
        FakeIdentityPool pool = new FakeIdentityPool();
        IdentityCredentials identity = new IdentityCredentials(cache(), CLOCK, notes::add);

        AwsCredentials got = identity.exchange(entry, POOL, SIXTEEN_MINUTES, pool);

        assertEquals(List.of("GetId " + POOL, "GetCredentialsForIdentity us-east-1:identity-1"), pool.calls);
        Map<String, String> expected = Map.of("cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123", entry.idToken());
        assertEquals(List.of(expected, expected), pool.logins);
        TokenEntry stored = cache().read(TestTokens.KEY).orElseThrow();
        assertEquals(got, stored.credentials());
        assertEquals(Optional.of(got), identity.cached(stored, POOL, SIXTEEN_MINUTES));
    }

    @Test
    void reuses_the_identity_id_when_fetching_again() {
        TokenEntry entry = TestTokens.entry(TestTokens.KEY, NOW.plusSeconds(3600));
        cache().store(entry);
        FakeIdentityPool pool = new FakeIdentityPool();
        IdentityCredentials identity = new IdentityCredentials(cache(), CLOCK, notes::add);
        identity.exchange(entry, POOL, SIXTEEN_MINUTES, pool);
        pool.calls.clear();
        identity.exchange(cache().read(TestTokens.KEY).orElseThrow(), POOL, SIXTEEN_MINUTES, pool);
        assertEquals(List.of("GetCredentialsForIdentity us-east-1:identity-1"), pool.calls);
    }

    @Test
    void cached_credentials_count_only_with_min_ttl_left_and_for_the_same_identity_pool() {
        TokenEntry entry = TestTokens.entry(TestTokens.KEY, NOW.plusSeconds(3600));
        AwsCredentials credentials = new AwsCredentials("id", "AKIA", "s", "t", NOW.plus(SIXTEEN_MINUTES));
        TokenEntry withCredentials = entry.withCredentials(credentials, POOL);
        IdentityCredentials identity = new IdentityCredentials(cache(), CLOCK, notes::add);
        assertEquals(Optional.of(credentials), identity.cached(withCredentials, POOL, SIXTEEN_MINUTES));
        assertEquals(Optional.empty(), identity.cached(withCredentials, POOL, SIXTEEN_MINUTES.plusSeconds(1)));
        assertEquals(Optional.empty(), identity.cached(withCredentials, "us-east-1:other", SIXTEEN_MINUTES));
        assertEquals(Optional.empty(), identity.cached(entry, POOL, Duration.ZERO));
    }

    @Test
    void hands_out_new_credentials_shorter_than_min_ttl_with_a_note_as_the_token_commands_do() {
        TokenEntry entry = TestTokens.entry(TestTokens.KEY, NOW.plusSeconds(3600));
        cache().store(entry);
        FakeIdentityPool pool = new FakeIdentityPool();
        pool.lifetime = Duration.ofSeconds(90);

        AwsCredentials credentials = new IdentityCredentials(cache(), CLOCK, notes::add)
                .exchange(entry, POOL, SIXTEEN_MINUTES, pool);

        assertEquals(NOW.plusSeconds(90), credentials.expiration());
        assertEquals(List.of("the new AWS credentials have 90s left, less than --min-ttl 960s (the identity pool"
                + " issues them for no longer)"), notes);
    }
}
