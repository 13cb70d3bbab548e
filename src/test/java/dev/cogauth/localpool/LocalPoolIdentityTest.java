package dev.cogauth.localpool;

import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.IdentityPoolDefinition;
import dev.cogauth.localpool.engine.PoolLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CreateIdentityPoolResponse;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.GetOpenIdTokenResponse;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/** The identity service on the pool's port, driven by the AWS SDK's own CognitoIdentityClient. */
class LocalPoolIdentityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDENTITY_POOL = "us-east-1:0a1b2c3d-1111-2222-3333-444455556666";
    private static final String GUEST_POOL = "us-east-1:0a1b2c3d-1111-2222-3333-777788889999";

    private final SettableClock clock = SettableClock.stopped();
    private LocalPool.Running pool;
    private CognitoIdentityClient identity;
    private CognitoIdentityProviderClient users;
    private String provider;

    @BeforeEach
    void start() throws Exception {
        PoolDefinition standard = TestPools.standard();
        provider = standard.providerName();
        PoolDefinition definition = standard.withIdentityPools(List.of(
                new IdentityPoolDefinition(IDENTITY_POOL, "Signed in", false,
                        List.of(new IdentityPoolDefinition.Provider(provider, TestPools.PUBLIC))),
                new IdentityPoolDefinition(GUEST_POOL, "Guests", true, List.of())));
        pool = LocalPool.builder().definition(definition).log(PoolLog.silent()).clock(clock).build().start(0);
        identity = CognitoIdentityClient.builder().endpointOverride(pool.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
        users = CognitoIdentityProviderClient.builder().endpointOverride(pool.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        identity.close();
        users.close();
        pool.close();
    }

    private String idToken(String clientId) {
        return users.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", TestPools.ALICE, "PASSWORD", TestPools.PASSWORD)))
                .authenticationResult().idToken();
    }

    @Test
    void aSignedInUserGetsOneIdentityAndWellFormedCredentials() throws Exception {
        Map<String, String> logins = Map.of(provider, idToken(TestPools.PUBLIC));
        String identityId = identity.getId(r -> r.identityPoolId(IDENTITY_POOL).logins(logins)).identityId();
        assertTrue(identityId.matches("us-east-1:[0-9a-f-]{36}"), identityId);
        // The same user signing in again is the same identity.
        assertEquals(identityId, identity.getId(r -> r.identityPoolId(IDENTITY_POOL)
                .logins(Map.of(provider, idToken(TestPools.PUBLIC)))).identityId());

        var answer = identity.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins));
        assertEquals(identityId, answer.identityId());
        Credentials credentials = answer.credentials();
        assertTrue(credentials.accessKeyId().matches("ASIA[A-Z2-7]{16}"), credentials.accessKeyId());
        assertEquals(40, credentials.secretKey().length());
        assertTrue(credentials.sessionToken().length() > 100);
        // Expiration is epoch seconds on the wire, which the SDK turns into an Instant.
        assertEquals(clock.instant().plus(Duration.ofHours(1)).getEpochSecond(), credentials.expiration().getEpochSecond());

        GetOpenIdTokenResponse openId = identity.getOpenIdToken(r -> r.identityId(identityId).logins(logins));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(openId.token().split("\\.")[1]));
        assertEquals(identityId, claims.get("sub").asText());
        assertEquals(IDENTITY_POOL, claims.get("aud").asText());
        assertEquals("https://cognito-identity.amazonaws.com", claims.get("iss").asText());
        assertEquals("authenticated", claims.get("amr").get(0).asText());
    }

    @Test
    void loginTokensAreCheckedAsCognitoIdentityChecksThem() {
        String token = idToken(TestPools.PUBLIC);
        assertEquals("Invalid login token. Incorrect token audience.", refusal(() -> identity.getId(r -> r
                .identityPoolId(IDENTITY_POOL).logins(Map.of(provider, idToken(TestPools.PASSWORD_ONLY))))));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        assertEquals("Invalid login token. Couldn't verify signed token.", refusal(() -> identity.getId(r -> r
                .identityPoolId(IDENTITY_POOL).logins(Map.of(provider, forged)))));
        assertEquals("Token is not from a supported provider of this identity pool.", refusal(() -> identity.getId(r -> r
                .identityPoolId(IDENTITY_POOL).logins(Map.of("cognito-idp.us-east-1.amazonaws.com/us-east-1_Other", token)))));
        assertEquals("Unauthenticated access is not supported for this identity pool.", refusal(() -> identity.getId(r -> r
                .identityPoolId(IDENTITY_POOL))));

        String identityId = identity.getId(r -> r.identityPoolId(IDENTITY_POOL).logins(Map.of(provider, token))).identityId();
        assertTrue(refusal(() -> identity.getCredentialsForIdentity(r -> r.identityId(identityId)))
                .startsWith("Logins don't match."));
        clock.advance(Duration.ofHours(1));
        String expired = refusal(() -> identity.getCredentialsForIdentity(r -> r.identityId(identityId)
                .logins(Map.of(provider, token))));
        assertTrue(expired.matches("Invalid login token\\. Token expired: \\d+ >= \\d+"), expired);
    }

    @Test
    void guestsGetTheirOwnIdentityWhereThePoolAllowsThem() {
        String guest = identity.getId(r -> r.identityPoolId(GUEST_POOL)).identityId();
        assertNotEquals(guest, identity.getId(r -> r.identityPoolId(GUEST_POOL)).identityId());
        assertTrue(identity.getCredentialsForIdentity(r -> r.identityId(guest)).credentials().accessKeyId()
                .startsWith("ASIA"));
    }

    @Test
    void identityPoolsCreatedAtRunTimeAreDescribedAndUnknownOnesAreNotFound() {
        CognitoIdentityClient signed = CognitoIdentityClient.builder().endpointOverride(pool.endpoint())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTTESTTEST", "x")))
                .build();
        try (signed) {
            CreateIdentityPoolResponse created = signed.createIdentityPool(r -> r.identityPoolName("Made at run time")
                    .allowUnauthenticatedIdentities(false).cognitoIdentityProviders(p -> p.providerName(provider)
                            .clientId(TestPools.PUBLIC)));
            assertTrue(created.identityPoolId().matches("us-east-1:[0-9a-f-]+"), created.identityPoolId());
            var described = signed.describeIdentityPool(r -> r.identityPoolId(created.identityPoolId()));
            assertEquals("Made at run time", described.identityPoolName());
            assertEquals(TestPools.PUBLIC, described.cognitoIdentityProviders().get(0).clientId());
            String identityId = signed.getId(r -> r.identityPoolId(created.identityPoolId())
                    .logins(Map.of(provider, idToken(TestPools.PUBLIC)))).identityId();
            assertTrue(identityId.startsWith("us-east-1:"));

            assertThrows(InvalidParameterException.class, () -> signed.createIdentityPool(r -> r.identityPoolName("x")
                    .allowUnauthenticatedIdentities(false).cognitoIdentityProviders(p -> p.providerName(provider)
                            .clientId("noSuchClient"))));
            assertThrows(InvalidParameterException.class, () -> signed.createIdentityPool(r -> r.identityPoolName("x")
                    .allowUnauthenticatedIdentities(false).supportedLoginProviders(Map.of("graph.facebook.com", "1"))));
            ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> signed
                    .describeIdentityPool(r -> r.identityPoolId("us-east-1:00000000-0000-0000-0000-000000000000")));
            assertEquals("IdentityPool 'us-east-1:00000000-0000-0000-0000-000000000000' not found.",
                    missing.awsErrorDetails().errorMessage());
            assertThrows(ResourceNotFoundException.class, () -> signed.getCredentialsForIdentity(r -> r
                    .identityId("us-east-1:00000000-0000-0000-0000-000000000000")));
        }
    }

    /**
     * What a suite written for Cognito or moto does: a user pool and client made at run time, an
     * identity pool over them, a user signed in there; that pool's ID tokens are checked with its
     * own key, and the pool file's are not taken for it.
     */
    @Test
    void userPoolsMadeAtRunTimeSignTheirUsersIntoIdentityPools() throws Exception {
        String poolId = users.createUserPool(r -> r.poolName("made at run time")).userPool().id();
        String clientId = users.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)).userPoolClient().clientId();
        users.adminCreateUser(r -> r.userPoolId(poolId).username("dora").messageAction(MessageActionType.SUPPRESS));
        users.adminSetUserPassword(r -> r.userPoolId(poolId).username("dora").password("Run-T1me-Passw0rd!")
                .permanent(true));
        String runTimeProvider = "cognito-idp.us-east-1.amazonaws.com/" + poolId;
        String identityPoolId = identity.createIdentityPool(r -> r.identityPoolName("Over a run time pool")
                .allowUnauthenticatedIdentities(false).cognitoIdentityProviders(p -> p.providerName(runTimeProvider)
                        .clientId(clientId))).identityPoolId();
        String token = users.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "dora", "PASSWORD", "Run-T1me-Passw0rd!")))
                .authenticationResult().idToken();

        Map<String, String> logins = Map.of(runTimeProvider, token);
        String identityId = identity.getId(r -> r.identityPoolId(identityPoolId).logins(logins)).identityId();
        Credentials credentials = identity.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins))
                .credentials();
        assertTrue(credentials.accessKeyId().matches("ASIA[A-Z2-7]{16}"), credentials.accessKeyId());
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(identity.getOpenIdToken(r -> r
                .identityId(identityId).logins(logins)).token().split("\\.")[1]));
        assertEquals(runTimeProvider, claims.get("amr").get(1).asText());

        // The pool file's token under the run-time pool's name: not signed with that pool's key.
        assertEquals("Invalid login token. Couldn't verify signed token.", refusal(() -> identity.getId(r -> r
                .identityPoolId(identityPoolId).logins(Map.of(runTimeProvider, idToken(TestPools.PUBLIC))))));
        // A client of the pool file's pool named with the run-time pool: no such client there.
        InvalidParameterException unknown = assertThrows(InvalidParameterException.class, () -> identity
                .createIdentityPool(r -> r.identityPoolName("x").allowUnauthenticatedIdentities(false)
                        .cognitoIdentityProviders(p -> p.providerName(runTimeProvider).clientId(TestPools.PUBLIC))));
        assertTrue(unknown.awsErrorDetails().errorMessage().startsWith("Invalid Cognito Identity Provider"),
                unknown.awsErrorDetails().errorMessage());
        // Once the user pool is deleted its tokens have no key left to be checked with.
        users.deleteUserPool(r -> r.userPoolId(poolId));
        assertEquals("Invalid login token. Couldn't verify signed token.", refusal(() -> identity.getId(r -> r
                .identityPoolId(identityPoolId).logins(logins))));
    }

    private static String refusal(Runnable call) {
        NotAuthorizedException refused = assertThrows(NotAuthorizedException.class, call::run);
        assertEquals(400, refused.statusCode());
        return refused.awsErrorDetails().errorMessage();
    }
}
