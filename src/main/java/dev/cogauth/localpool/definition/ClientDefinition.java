package dev.cogauth.localpool.definition;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One app client. {@code explicitAuthFlows} use Cognito's {@code ALLOW_*} names;
 * {@code refreshTokenGrace} is how long a rotated-away refresh token still works;
 * {@code preventUserExistenceErrors} is Cognito's {@code PreventUserExistenceErrors: ENABLED}
 * (an unknown user is refused as a wrong password), false for its API default {@code LEGACY}.
 */
public record ClientDefinition(String clientId, String clientSecret, Set<String> explicitAuthFlows,
                               Duration sessionValidity, boolean enableTokenRevocation,
                               boolean refreshTokenRotation, Duration refreshTokenGrace,
                               boolean preventUserExistenceErrors, TokenValidity tokenValidity) {

    public static final Set<String> ALL_FLOWS = Set.of("ALLOW_CUSTOM_AUTH", "ALLOW_USER_SRP_AUTH",
            "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH");
    public static final Duration DEFAULT_SESSION_VALIDITY = Duration.ofMinutes(3);

    public ClientDefinition {
        Objects.requireNonNull(clientId, "clientId");
        explicitAuthFlows = Set.copyOf(explicitAuthFlows);
        Objects.requireNonNull(sessionValidity, "sessionValidity");
        Objects.requireNonNull(refreshTokenGrace, "refreshTokenGrace");
        Objects.requireNonNull(tokenValidity, "tokenValidity");
    }

    /** A client with user-existence errors as Cognito's API creates it (LEGACY) and tokens that live as long as Cognito's defaults. */
    public ClientDefinition(String clientId, String clientSecret, Set<String> explicitAuthFlows,
                            Duration sessionValidity, boolean enableTokenRevocation,
                            boolean refreshTokenRotation, Duration refreshTokenGrace) {
        this(clientId, clientSecret, explicitAuthFlows, sessionValidity, enableTokenRevocation, refreshTokenRotation,
                refreshTokenGrace, false, TokenValidity.COGNITO_DEFAULTS);
    }

    /** A public client (no secret) allowing every flow, with Cognito's defaults. */
    public static ClientDefinition publicClient(String clientId) {
        return new ClientDefinition(clientId, null, ALL_FLOWS, DEFAULT_SESSION_VALIDITY, true, false, Duration.ZERO);
    }

    public boolean hasSecret() {
        return clientSecret != null;
    }

    public boolean allows(String flow) {
        return explicitAuthFlows.contains("ALLOW_" + flow);
    }

    @Override
    public String toString() {
        return "ClientDefinition[" + clientId + (hasSecret() ? ", with secret" : "") + ", " + explicitAuthFlows + "]";
    }
}
