package dev.cogauth.config;

import dev.cogauth.protocol.AuthFlow;
import dev.cogauth.protocol.PoolId;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The settled config a sign-in uses, built by {@link PoolConfigResolver}. Pool id, client id,
 * region and flow are always there; {@link #toString} hides the client secret.
 */
public record PoolConfig(String poolId, String clientId, Optional<String> clientSecret, String region,
                         Optional<URI> endpoint, AuthFlow authFlow, Optional<String> identityPoolId) {

    public PoolConfig {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(authFlow, "authFlow");
        Objects.requireNonNull(identityPoolId, "identityPoolId");
        if (!PoolId.isUserPool(poolId)) {
            throw new IllegalArgumentException("not a user pool id: " + poolId);
        }
    }

    /** The part of the pool id after '_', which Cognito's SRP mixes into the password hash. */
    public String poolName() {
        return PoolId.nameOfUserPool(poolId);
    }

    @Override
    public String toString() {
        return "PoolConfig[poolId=" + poolId + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret.isPresent() ? "***" : "none")
                + ", region=" + region + ", endpoint=" + endpoint.map(URI::toString).orElse("none")
                + ", authFlow=" + authFlow + ", identityPoolId=" + identityPoolId.orElse("none") + "]";
    }
}
