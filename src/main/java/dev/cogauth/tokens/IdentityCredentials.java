package dev.cogauth.tokens;

import dev.cogauth.api.AwsCredentials;
import dev.cogauth.api.CognitoIdentityApi;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * AWS credentials for a signed-in user from an identity pool, cached in the user's entry until
 * {@code minTtl} before they expire. The AWS CLI calls a credential_process again when fewer
 * than 15 minutes are left, so handing out less than that would make it call on every request.
 * New credentials that the pool issues for less than {@code minTtl} are handed out all the same,
 * with a note, as a token command does with a just-refreshed token: no --min-ttl can make the pool
 * issue longer ones.
 */
public final class IdentityCredentials {
    private final TokenCache cache;
    private final Clock clock;
    private final Consumer<String> notice;

    /** @param notice where the one-line note goes when new credentials live less than --min-ttl */
    public IdentityCredentials(TokenCache cache, Clock clock, Consumer<String> notice) {
        this.cache = cache;
        this.clock = clock;
        this.notice = notice;
    }

    /** The cached credentials when they have {@code minTtl} left and come from the same identity pool. */
    public Optional<AwsCredentials> cached(TokenEntry entry, String identityPoolId, Duration minTtl) {
        AwsCredentials cached = entry.credentials();
        if (cached == null || !identityPoolId.equals(entry.identityPoolId())) {
            return Optional.empty();
        }
        return fresh(cached, minTtl) ? Optional.of(cached) : Optional.empty();
    }

    /**
     * Exchanges the entry's ID token (which must be valid) for new credentials and caches them; a note when they
     * have less than {@code minTtl} left.
     */
    public AwsCredentials exchange(TokenEntry entry, String identityPoolId, Duration minTtl, CognitoIdentityApi api) {
        Map<String, String> logins = Map.of(providerName(entry.key()), entry.idToken());
        String identityId = entry.credentials() != null && identityPoolId.equals(entry.identityPoolId())
                && entry.credentials().identityId() != null
                ? entry.credentials().identityId() : api.getId(identityPoolId, logins);
        AwsCredentials credentials = api.getCredentialsForIdentity(identityId, logins);
        cache.update(entry.key(), current -> current == null ? null : current.withCredentials(credentials, identityPoolId));
        if (!fresh(credentials, minTtl)) {
            notice.accept("the new AWS credentials have " + Duration.between(clock.instant(),
                    credentials.expiration()).toSeconds() + "s left, less than --min-ttl " + minTtl.toSeconds()
                    + "s (the identity pool issues them for no longer)");
        }
        return credentials;
    }

    /** The Logins key of a user pool: {@code cognito-idp.<region>.amazonaws.com/<userPoolId>}. */
    public static String providerName(CacheKey key) {
        return "cognito-idp." + key.region() + ".amazonaws.com/" + key.poolId();
    }

    private boolean fresh(AwsCredentials credentials, Duration minTtl) {
        return !credentials.expiration().isBefore(clock.instant().plus(minTtl));
    }
}
