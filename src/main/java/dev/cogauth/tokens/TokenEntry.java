package dev.cogauth.tokens;

import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.AwsCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One cache entry: a user's tokens and what is needed to refresh them without any config
 * (endpoint, which refresh operation the pool answers, where the client secret came from).
 *
 * @param signInName     the name typed at sign-in when it differs from the key's, else null
 * @param idToken        null when there is none: a client_credentials entry, or a browser sign-in without the
 *                       openid scope (Cognito then issues none)
 * @param endpoint       the endpoint override used at sign-in, or null for AWS
 * @param refreshToken   null once it is known to be unusable
 * @param expiresAt      when the ID (if any) and access tokens expire (the earlier of the two)
 * @param refreshApi     {@link TokenRefresher#INITIATE_AUTH} once the pool turned out not to know
 *                       GetTokensFromRefreshToken, else null
 * @param configFile     the config file signed in with, to find the client secret again; may be null
 * @param identityPoolId remembered from the config or flag, may be null
 * @param credentials    AWS credentials from the identity pool, cached; may be null
 * @param device         the remembered device; may be null
 * @param browser        set when the tokens came from a browser sign-in (managed login); else null
 */
public record TokenEntry(CacheKey key, String signInName, String endpoint, String idToken, String accessToken,
                         String refreshToken, String tokenType, Instant expiresAt, String refreshApi,
                         String configFile, String identityPoolId, AwsCredentials credentials,
                         DeviceSecret device, BrowserSession browser) {

    public TokenEntry {
        Objects.requireNonNull(key, "key");
        // idToken may be null: a client_credentials entry has none, nor has a browser sign-in without openid.
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * The entry for fresh tokens. The expiry is taken from the tokens' own {@code exp} claims
     * where readable, else from ExpiresIn counted from {@code receivedAt}.
     */
    public static TokenEntry fromSignIn(CacheKey key, String signInName, String endpoint, AuthenticationResult tokens,
                                        Instant receivedAt, String configFile, String identityPoolId) {
        return new TokenEntry(key, signInName, endpoint, tokens.idToken(), tokens.accessToken(),
                tokens.refreshToken(), tokens.tokenType(), expiry(tokens, receivedAt), null, configFile,
                identityPoolId, null, null, null);
    }

    /**
     * These tokens replaced by refreshed ones. Without rotation the answer has no refresh token
     * (the old one stays); a rotating client answers with a new one, which replaces it. Cached
     * AWS credentials stay: they do not depend on the ID token once issued.
     *
     * @param api the refresh operation that worked, remembered for next time
     */
    public TokenEntry refreshedWith(AuthenticationResult tokens, Instant receivedAt, String api) {
        String refresh = tokens.refreshToken() != null ? tokens.refreshToken() : refreshToken;
        return new TokenEntry(key, signInName, endpoint, tokens.idToken(), tokens.accessToken(), refresh,
                tokens.tokenType() != null ? tokens.tokenType() : tokenType, expiry(tokens, receivedAt),
                api, configFile, identityPoolId, credentials, device, browser);
    }

    /** This entry with a refresh token the pool refused dropped, so nothing retries it. */
    public TokenEntry withoutRefreshToken() {
        return new TokenEntry(key, signInName, endpoint, idToken, accessToken, null, tokenType, expiresAt, refreshApi,
                configFile, identityPoolId, credentials, device, browser);
    }

    public TokenEntry withCredentials(AwsCredentials newCredentials, String newIdentityPoolId) {
        return new TokenEntry(key, signInName, endpoint, idToken, accessToken, refreshToken, tokenType, expiresAt,
                refreshApi, configFile, newIdentityPoolId, newCredentials, device, browser);
    }

    public TokenEntry withDevice(DeviceSecret newDevice) {
        return new TokenEntry(key, signInName, endpoint, idToken, accessToken, refreshToken, tokenType, expiresAt,
                refreshApi, configFile, identityPoolId, credentials, newDevice, browser);
    }

    /**
     * These tokens marked as from a browser sign-in. They refresh with InitiateAuth REFRESH_TOKEN_AUTH,
     * which Cognito documents for the refresh tokens its managed login issues.
     */
    public TokenEntry fromBrowser(BrowserSession session) {
        return new TokenEntry(key, signInName, endpoint, idToken, accessToken, refreshToken, tokenType, expiresAt,
                TokenRefresher.INITIATE_AUTH, configFile, identityPoolId, credentials, device, session);
    }

    /** When the given token expires: its own {@code exp} claim, else the entry's expiry. */
    public Instant expiryOf(TokenType type) {
        return expClaim(token(type)).orElse(expiresAt);
    }

    /** How long the given token was issued for ({@code exp − iat}), when its claims say. */
    public Optional<Duration> lifetimeOf(TokenType type) {
        if (token(type) == null) {
            return Optional.empty();
        }
        try {
            return Jwt.times(token(type)).lifetime();
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** The given token; null for the ID token of an entry that has none ({@link #hasIdToken}). */
    public String token(TokenType type) {
        return type == TokenType.ID ? idToken : accessToken;
    }

    public boolean hasIdToken() {
        return idToken != null;
    }


    public Optional<String> refreshTokenIfAny() {
        return Optional.ofNullable(refreshToken);
    }

    @Override
    public String toString() {
        return "TokenEntry[" + key.describe() + ", expiresAt=" + expiresAt
                + ", refreshToken=" + (refreshToken == null ? "none" : "***") + "]";
    }

    private static Instant expiry(AuthenticationResult tokens, Instant receivedAt) {
        Optional<Instant> id = expClaim(tokens.idToken());
        Optional<Instant> access = expClaim(tokens.accessToken());
        if (id.isPresent() && access.isPresent()) {
            return id.get().isBefore(access.get()) ? id.get() : access.get();
        }
        return id.or(() -> access).orElse(receivedAt.plusSeconds(tokens.expiresIn()));
    }

    private static Optional<Instant> expClaim(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            return Jwt.times(token).expiry();
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
