package dev.cogauth.localpool.definition;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an app client's tokens live: Cognito's AccessTokenValidity, IdTokenValidity and
 * RefreshTokenValidity, already multiplied out of their TokenValidityUnits.
 */
public record TokenValidity(Duration access, Duration id, Duration refresh) {
    /** What Cognito gives a new app client: one hour for ID and access tokens, 30 days for the refresh token. */
    public static final TokenValidity COGNITO_DEFAULTS =
            new TokenValidity(Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(30));

    public TokenValidity {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(refresh, "refresh");
    }
}
