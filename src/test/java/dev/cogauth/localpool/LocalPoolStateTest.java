package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.localpool.engine.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * {@code --state}: what the management API created and changed survives a restart (pools with
 * their clients, groups and signing key, users with their password and status, the pool file's
 * pool's users too), and a state file the pool cannot use is refused and left as it is.
 */
class LocalPoolStateTest {

    private static final String PASSWORD = "Kept-Passw0rd!";

    @TempDir
    Path temp;

    private LocalPool.Running start(Path state) throws IOException {
        return start(state, java.time.Clock.systemUTC());
    }

    private LocalPool.Running start(Path state, java.time.Clock clock) throws IOException {
        return LocalPool.builder().definition(TestPools.standard()).log(PoolLog.silent()).clock(clock)
                .state(StateFile.at(state)).build().start(0);
    }

    private static <T> T with(LocalPool.Running pool, Function<CognitoIdentityProviderClient, T> calls) {
        try (CognitoIdentityProviderClient client = CognitoIdentityProviderClient.builder()
                .endpointOverride(pool.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            return calls.apply(client);
        }
    }

    private record Created(String poolId, UserPoolClientType client, String jwks, java.time.Instant created) {
    }

    /** The pool's JWKS, as a verifier of its tokens fetches it. */
    private static String jwks(LocalPool.Running pool, String poolId) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    pool.endpoint().resolve("/" + poolId + "/.well-known/jwks.json")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void poolsClientsGroupsAndUsersSurviveARestartAndOldTokensStayVerifiable() throws IOException {
        Path state = temp.resolve("state").resolve("pool-state.json");
        Created created;
        try (LocalPool.Running pool = start(state)) {
            created = with(pool, api -> {
                String poolId = api.createUserPool(r -> r.poolName("kept")).userPool().id();
                UserPoolClientType client = api.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")
                        .generateSecret(false).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                        .userPoolClient();
                api.adminCreateUser(r -> r.userPoolId(poolId).username("kim").messageAction(MessageActionType.SUPPRESS)
                        .userAttributes(AttributeType.builder().name("email").value("kim@example.com").build()));
                api.adminSetUserPassword(r -> r.userPoolId(poolId).username("kim").password(PASSWORD).permanent(true));
                api.createGroup(r -> r.userPoolId(poolId).groupName("admins").precedence(3));
                api.adminAddUserToGroup(r -> r.userPoolId(poolId).username("kim").groupName("admins"));
                // The pool file's pool keeps its users' changes too.
                api.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(TestPools.ALICE));
                return new Created(poolId, client, jwks(pool, poolId),
                        api.describeUserPool(r -> r.userPoolId(poolId)).userPool().creationDate());
            });
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.getParent())));
        // A day later: what was created keeps its creation date.
        try (LocalPool.Running pool = start(state, java.time.Clock.offset(java.time.Clock.systemUTC(),
                java.time.Duration.ofDays(1)))) {
            with(pool, api -> {
                var described = api.describeUserPool(r -> r.userPoolId(created.poolId())).userPool();
                assertEquals("kept", described.name());
                assertEquals(created.created(), described.creationDate());
                assertEquals(created.client().clientName(), api.describeUserPoolClient(r -> r.userPoolId(created.poolId())
                        .clientId(created.client().clientId())).userPoolClient().clientName());
                var kim = api.adminGetUser(r -> r.userPoolId(created.poolId()).username("kim"));
                assertEquals("CONFIRMED", kim.userStatusAsString());
                assertTrue(kim.userAttributes().contains(AttributeType.builder().name("email").value("kim@example.com").build()));
                assertEquals(List.of("admins"), api.adminListGroupsForUser(r -> r.userPoolId(created.poolId()).username("kim"))
                        .groups().stream().map(g -> g.groupName() + "/" + g.precedence()).map(s -> s.replace("/3", "")).toList());
                // The kept signing key: tokens issued before the restart still verify against the JWKS.
                assertTrue(created.jwks().contains("\"kid\""), created.jwks());
                assertEquals(created.jwks(), jwks(pool, created.poolId()));
                // The kept password verifier signs kim in again.
                assertTrue(api.adminInitiateAuth(r -> r.userPoolId(created.poolId()).clientId(created.client().clientId())
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(java.util.Map.of("USERNAME", "kim", "PASSWORD", PASSWORD)))
                        .authenticationResult().idToken().length() > 100);
                assertThrows(NotAuthorizedException.class, () -> api.adminInitiateAuth(r -> r.userPoolId(created.poolId())
                        .clientId(created.client().clientId()).authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(java.util.Map.of("USERNAME", "kim", "PASSWORD", "Wrong-Passw0rd!"))));
                assertFalse(api.adminGetUser(r -> r.userPoolId(pool.poolId()).username(TestPools.ALICE)).enabled());
                return null;
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"cogauthLocalPoolState\":1,\"pools\":[{\"poolId\":",
        "not json",
        "",
        "[]",
        "{\"cogauthLocalPoolState\":2,\"pools\":[]}",
        "{\"cogauthLocalPoolState\":1}",
        "{\"cogauthLocalPoolState\":1,\"pools\":[{\"poolId\":\"us-east-1_Other\",\"fromFile\":true,\"clients\":[],"
                + "\"groups\":[],\"users\":[]}]}",
        "{\"cogauthLocalPoolState\":1,\"pools\":[{\"poolId\":\"us-east-1_New\",\"fromFile\":false,\"name\":\"n\","
                + "\"mfa\":\"SOMETIMES\",\"created\":\"2026-01-01T00:00:00Z\",\"policies\":{},\"settings\":{},\"signingKey\":{},\"clients\":[],\"groups\":[],"
                + "\"users\":[]}]}",
        "{\"cogauthLocalPoolState\":1,\"pools\":[{\"poolId\":\"us-east-1_New\",\"fromFile\":false,\"name\":\"n\","
                + "\"mfa\":\"OFF\",\"created\":\"2026-01-01T00:00:00Z\",\"policies\":{},\"settings\":{},\"signingKey\":{\"kid\":\"k\",\"public\":\"AAAA\","
                + "\"private\":\"AAAA\"},\"clients\":[],\"groups\":[],\"users\":[]}]}",
        "{\"cogauthLocalPoolState\":1,\"pools\":[],\"identityPools\":[{\"identityPoolId\":\"not an id\",\"name\":\"n\","
                + "\"providers\":[]}]}",
        "{\"cogauthLocalPoolState\":1,\"pools\":[],\"identityPools\":[],\"identities\":[{\"identityId\":\"us-east-1:1\","
                + "\"identityPoolId\":\"us-east-1:00000000-0000-0000-0000-000000000000\",\"login\":null}]}",
    })
    void aStateFileThePoolCannotUseIsRefusedAndLeftAsItIs(String text) throws IOException {
        Path directory = temp.resolve("state");
        StateFile.at(directory.resolve("x")); // the 0700 directory
        Path state = directory.resolve("pool-state.json");
        Files.writeString(state, text);
        StateFile.Invalid refused = assertThrows(StateFile.Invalid.class, () -> start(state).close());
        assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
        assertEquals(text, Files.readString(state));
    }

    private static software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient identity(LocalPool.Running pool) {
        return software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient.builder()
                .endpointOverride(pool.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static String idToken(LocalPool.Running pool) {
        return with(pool, api -> api.initiateAuth(r -> r.clientId(TestPools.PUBLIC)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(java.util.Map.of("USERNAME", TestPools.ALICE,
                        "PASSWORD", TestPools.PASSWORD))).authenticationResult().idToken());
    }

    @Test
    void identityPoolsCreatedAtRunTimeAndTheirIdentitiesSurviveARestart() throws IOException {
        Path state = temp.resolve("state").resolve("pool-state.json");
        String provider = "cognito-idp.us-east-1.amazonaws.com/" + TestPools.standard().poolId();
        String identityPoolId;
        String identityId;
        try (LocalPool.Running pool = start(state); var identity = identity(pool)) {
            identityPoolId = identity.createIdentityPool(r -> r.identityPoolName("Kept identities")
                    .allowUnauthenticatedIdentities(true).cognitoIdentityProviders(p -> p.providerName(provider)
                            .clientId(TestPools.PUBLIC))).identityPoolId();
            String token = idToken(pool);
            identityId = identity.getId(r -> r.identityPoolId(identityPoolId).logins(java.util.Map.of(provider, token)))
                    .identityId();
        }
        try (LocalPool.Running pool = start(state); var identity = identity(pool)) {
            var described = identity.describeIdentityPool(r -> r.identityPoolId(identityPoolId));
            assertEquals("Kept identities", described.identityPoolName());
            assertTrue(described.allowUnauthenticatedIdentities());
            assertEquals(provider, described.cognitoIdentityProviders().get(0).providerName());
            assertEquals(TestPools.PUBLIC, described.cognitoIdentityProviders().get(0).clientId());
            String token = idToken(pool);
            assertEquals(identityId, identity.getId(r -> r.identityPoolId(identityPoolId)
                    .logins(java.util.Map.of(provider, token))).identityId(), "the user keeps their identity");
            assertTrue(identity.getCredentialsForIdentity(r -> r.identityId(identityId)
                    .logins(java.util.Map.of(provider, token))).credentials().accessKeyId().length() > 10);
        }
    }

    @Test
    void withoutAFileThePoolStartsFreshAndWritesOne() throws IOException {
        Path state = temp.resolve("state").resolve("pool-state.json");
        try (LocalPool.Running pool = start(state)) {
            with(pool, api -> api.createUserPool(r -> r.poolName("fresh")));
            assertTrue(Files.readString(state).contains("\"fresh\""), "written after the call, before the pool stops");
        }
    }
}
