package dev.cogauth.localpool;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a local pool serves: its id, app clients, users and triggers. Immutable; the
 * running pool copies users into its own mutable store (passwords change, MFA gets set up).
 */
public record PoolDefinition(String poolId, String region, MfaMode mfa, List<ClientDefinition> clients,
                             List<UserDefinition> users, TriggerDefinitions triggers) {

    /** Whether the pool asks for MFA after a password, as Cognito's MfaConfiguration. */
    public enum MfaMode { OFF, OPTIONAL, ON }

    public PoolDefinition {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(mfa, "mfa");
        clients = List.copyOf(clients);
        users = List.copyOf(users);
        Objects.requireNonNull(triggers, "triggers");
        if (poolId.indexOf('_') < 1 || poolId.endsWith("_")) {
            throw new IllegalArgumentException("poolId must look like <region>_<name>, e.g. us-east-1_LocalPool");
        }
    }

    /** The part of the pool id after {@code _}: SRP hashes it into every password. */
    public String poolName() {
        return poolId.substring(poolId.indexOf('_') + 1);
    }

    /** The three custom-auth triggers, any of them absent, and how long one may run. */
    public record TriggerDefinitions(TriggerDefinition define, TriggerDefinition create,
                                     TriggerDefinition verify, Duration timeout) {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

        public static TriggerDefinitions none() {
            return new TriggerDefinitions(null, null, null, DEFAULT_TIMEOUT);
        }

        public boolean complete() {
            return define != null && create != null && verify != null;
        }
    }
}
