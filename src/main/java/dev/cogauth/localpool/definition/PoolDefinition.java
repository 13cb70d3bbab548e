package dev.cogauth.localpool.definition;

import dev.cogauth.protocol.PoolId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a local pool serves: its id, app clients, users, triggers and whether it tracks
 * devices. Immutable; the running pool copies users into its own mutable store (passwords
 * change, MFA gets set up, devices get remembered).
 */
public record PoolDefinition(String poolId, String region, MfaMode mfa, List<ClientDefinition> clients,
                             List<UserDefinition> users, TriggerDefinitions triggers, DeviceTracking deviceTracking,
                             SignInPolicy signInPolicy, ManagedLoginDefinition managedLogin,
                             List<IdentityPoolDefinition> identityPools) {

    /** Whether the pool asks for MFA after a password, as Cognito's MfaConfiguration. */
    public enum MfaMode { OFF, OPTIONAL, ON }

    /**
     * Cognito's device remembering: off; on, a confirmed device remembered at once
     * ({@code DeviceOnlyRememberedOnUserPrompt} false); or on, remembered only after the user
     * says so with UpdateDeviceStatus. Only a remembered device skips MFA.
     */
    public enum DeviceTracking {
        OFF("off"), ALWAYS("always"), USER_OPT_IN("user-opt-in");

        private final String fileName;

        DeviceTracking(String fileName) {
            this.fileName = fileName;
        }

        /** The spelling in the pool file. */
        public String fileName() {
            return fileName;
        }
    }

    public PoolDefinition {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(mfa, "mfa");
        clients = List.copyOf(clients);
        users = List.copyOf(users);
        Objects.requireNonNull(triggers, "triggers");
        Objects.requireNonNull(deviceTracking, "deviceTracking");
        Objects.requireNonNull(signInPolicy, "signInPolicy");
        Objects.requireNonNull(managedLogin, "managedLogin");
        identityPools = List.copyOf(identityPools);
        if (!PoolId.isUserPool(poolId)) {
            throw new IllegalArgumentException("poolId must look like <region>_<letters and digits>, e.g. us-east-1_LocalPool");
        }
    }

    /** A pool without identity pools. */
    public PoolDefinition(String poolId, String region, MfaMode mfa, List<ClientDefinition> clients,
                          List<UserDefinition> users, TriggerDefinitions triggers, DeviceTracking deviceTracking,
                          SignInPolicy signInPolicy, ManagedLoginDefinition managedLogin) {
        this(poolId, region, mfa, clients, users, triggers, deviceTracking, signInPolicy, managedLogin, List.of());
    }

    /** A pool whose sign-in policy allows only the password as first factor, as Cognito's default, and without a managed login. */
    public PoolDefinition(String poolId, String region, MfaMode mfa, List<ClientDefinition> clients,
                          List<UserDefinition> users, TriggerDefinitions triggers, DeviceTracking deviceTracking) {
        this(poolId, region, mfa, clients, users, triggers, deviceTracking, SignInPolicy.PASSWORD_ONLY,
                ManagedLoginDefinition.none());
    }

    /** A pool that does not track devices, as Cognito's default. */
    public PoolDefinition(String poolId, String region, MfaMode mfa, List<ClientDefinition> clients,
                          List<UserDefinition> users, TriggerDefinitions triggers) {
        this(poolId, region, mfa, clients, users, triggers, DeviceTracking.OFF);
    }

    /** The same pool with another sign-in policy. */
    public PoolDefinition withSignInPolicy(SignInPolicy policy) {
        return new PoolDefinition(poolId, region, mfa, clients, users, triggers, deviceTracking, policy, managedLogin,
                identityPools);
    }

    /** The same pool with these identity pools. */
    public PoolDefinition withIdentityPools(List<IdentityPoolDefinition> pools) {
        return new PoolDefinition(poolId, region, mfa, clients, users, triggers, deviceTracking, signInPolicy,
                managedLogin, pools);
    }

    /** The Logins key of this pool's ID tokens: {@code cognito-idp.<region>.amazonaws.com/<poolId>}. */
    public String providerName() {
        return IdentityPoolDefinition.Provider.nameOf(region, poolId);
    }

    /** The part of the pool id after {@code _}: SRP hashes it into every password. */
    public String poolName() {
        return PoolId.nameOfUserPool(poolId);
    }

    /**
     * Cognito's {@code SignInPolicy.AllowedFirstAuthFactors}: what choice-based sign-in
     * ({@code USER_AUTH}) may start with, in the order the pool offers them.
     */
    public record SignInPolicy(List<String> allowedFirstAuthFactors) {
        /** The factors Cognito knows. */
        public static final List<String> FACTORS = List.of("PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN");
        public static final SignInPolicy PASSWORD_ONLY = new SignInPolicy(List.of("PASSWORD"));

        public SignInPolicy {
            allowedFirstAuthFactors = List.copyOf(allowedFirstAuthFactors);
            if (!FACTORS.containsAll(allowedFirstAuthFactors)) {
                throw new IllegalArgumentException("first factors must be among " + FACTORS);
            }
        }
    }

    /**
     * The three custom-auth triggers, any of them absent, and how long one may run; and the
     * sign-in path's triggers (Pre and Post Authentication, Pre Token Generation with its event
     * version 1, 2 or 3), each optional; and the sign-up path's (Pre Sign-up, Post Confirmation,
     * User Migration), each optional; and Custom Message, which writes every code message, optional.
     */
    public record TriggerDefinitions(TriggerDefinition define, TriggerDefinition create,
                                     TriggerDefinition verify, Duration timeout,
                                     TriggerDefinition preAuthentication, TriggerDefinition postAuthentication,
                                     TriggerDefinition preTokenGeneration, int preTokenGenerationVersion,
                                     TriggerDefinition preSignUp, TriggerDefinition postConfirmation,
                                     TriggerDefinition userMigration, TriggerDefinition customMessage) {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

        public TriggerDefinitions {
            Objects.requireNonNull(timeout, "timeout");
            if (preTokenGenerationVersion < 1 || preTokenGenerationVersion > 3) {
                throw new IllegalArgumentException("Pre Token Generation's event version must be 1, 2 or 3");
            }
        }

        /** Only the custom-auth triggers. */
        public TriggerDefinitions(TriggerDefinition define, TriggerDefinition create, TriggerDefinition verify,
                                  Duration timeout) {
            this(define, create, verify, timeout, null, null, null, 1, null, null, null, null);
        }

        public static TriggerDefinitions none() {
            return new TriggerDefinitions(null, null, null, DEFAULT_TIMEOUT);
        }

        public boolean complete() {
            return define != null && create != null && verify != null;
        }

        /** The same custom-auth triggers with these sign-in path triggers. */
        public TriggerDefinitions withSignIn(TriggerDefinition preAuthentication, TriggerDefinition postAuthentication,
                                             TriggerDefinition preTokenGeneration, int preTokenGenerationVersion) {
            return new TriggerDefinitions(define, create, verify, timeout, preAuthentication, postAuthentication,
                    preTokenGeneration, preTokenGenerationVersion, preSignUp, postConfirmation, userMigration,
                    customMessage);
        }

        /** The same triggers with these sign-up path triggers (User Migration brings in a user at sign-in). */
        public TriggerDefinitions withSignUp(TriggerDefinition preSignUp, TriggerDefinition postConfirmation,
                                             TriggerDefinition userMigration) {
            return new TriggerDefinitions(define, create, verify, timeout, preAuthentication, postAuthentication,
                    preTokenGeneration, preTokenGenerationVersion, preSignUp, postConfirmation, userMigration,
                    customMessage);
        }

        /** The same triggers with this Custom Message trigger (null: the pool's own messages). */
        public TriggerDefinitions withCustomMessage(TriggerDefinition customMessage) {
            return new TriggerDefinitions(define, create, verify, timeout, preAuthentication, postAuthentication,
                    preTokenGeneration, preTokenGenerationVersion, preSignUp, postConfirmation, userMigration,
                    customMessage);
        }
    }
}
