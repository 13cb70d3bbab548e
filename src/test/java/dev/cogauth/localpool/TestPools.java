package dev.cogauth.localpool;

import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.PoolDefinition.DeviceTracking;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.PoolDefinition.TriggerDefinitions;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.UserDefinition.MfaSettings;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.localpool.definition.UserDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pools the tests serve: the demo pool plus clients and users that exercise one rule each. */
final class TestPools {

    static final String PUBLIC = DemoPool.CLIENT_ID;
    static final String SECRET_CLIENT = "secretclient";
    static final String SECRET = "s3cr3t-of-the-client";
    static final String PASSWORD_ONLY = "passwordonly";
    static final String ROTATING = "rotating";
    static final String ALICE = "alice";
    static final String ALICE_EMAIL = "alice@example.com";
    static final String PASSWORD = "Alice-Passw0rd!";

    private TestPools() {
    }

    static PoolDefinition withUsers(MfaMode mfa, TriggerDefinitions triggers, UserDefinition... extra) {
        PoolDefinition demo = DemoPool.definition();
        List<UserDefinition> users = new ArrayList<>(demo.users());
        users.add(new UserDefinition(ALICE, PASSWORD, UserStatus.CONFIRMED, MfaSettings.NONE,
                Map.of("email", ALICE_EMAIL, "email_verified", "true", "custom:team", "blue")));
        users.addAll(List.of(extra));
        List<ClientDefinition> clients = List.of(
                ClientDefinition.publicClient(PUBLIC),
                new ClientDefinition(SECRET_CLIENT, SECRET, ClientDefinition.ALL_FLOWS,
                        ClientDefinition.DEFAULT_SESSION_VALIDITY, true, false, Duration.ZERO),
                new ClientDefinition(PASSWORD_ONLY, null, Set.of("ALLOW_USER_PASSWORD_AUTH"),
                        ClientDefinition.DEFAULT_SESSION_VALIDITY, false, false, Duration.ZERO),
                new ClientDefinition(ROTATING, null, ClientDefinition.ALL_FLOWS,
                        Duration.ofMinutes(5), true, true, Duration.ofSeconds(10)));
        return new PoolDefinition(demo.poolId(), demo.region(), mfa, clients, users, triggers);
    }

    static PoolDefinition standard(UserDefinition... extra) {
        return withUsers(MfaMode.OPTIONAL, DemoPool.definition().triggers(), extra);
    }

    /** The standard pool (the demo's triggers too) with {@code tracking} for devices. */
    static PoolDefinition trackingDevices(DeviceTracking tracking, UserDefinition... extra) {
        PoolDefinition pool = standard(extra);
        return new PoolDefinition(pool.poolId(), pool.region(), pool.mfa(), pool.clients(), pool.users(),
                pool.triggers(), tracking);
    }
}
