package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/** The Java API tests start a pool with: a builder, the endpoint and ids, the in-memory outbox, the settable clock. */
class LocalPoolBuilderTest {

    private static CognitoIdentityProviderClient sdk(LocalPool.Running pool) {
        return CognitoIdentityProviderClient.builder().endpointOverride(pool.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"nounderscore", "local_Pool", "us-east-1_a-b"})
    void aPoolIdWithoutTheShapeOfOneIsRefusedWithWhatItShouldLookLike(String poolId) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LocalPool.builder().poolId(poolId).build());
        assertTrue(refused.getMessage().contains("<region>_<letters and digits>"), refused.getMessage());
    }

    @Test
    void aPoolFromUsersAndClientsGivenOneByOne() throws Exception {
        try (LocalPool.Running pool = LocalPool.builder().poolId("eu-west-1_Built").client("appone").client("apptwo")
                .user("bea", "Bea-Passw0rd!").start();
             CognitoIdentityProviderClient sdk = sdk(pool)) {
            assertEquals("eu-west-1_Built", pool.poolId());
            assertEquals("eu-west-1", pool.region());
            assertEquals(List.of("appone", "apptwo"), pool.clientIds());
            assertEquals("appone", pool.clientId());
            assertTrue(pool.endpoint().toString().startsWith("http://127.0.0.1:"));
            String accessToken = sdk.initiateAuth(r -> r.clientId("apptwo").authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "bea", "PASSWORD", "Bea-Passw0rd!")))
                    .authenticationResult().accessToken();
            assertEquals("bea", sdk.getUser(r -> r.accessToken(accessToken)).username());

            pool.clock().advance(Duration.ofHours(2));
            NotAuthorizedException expired = assertThrows(NotAuthorizedException.class,
                    () -> sdk.getUser(r -> r.accessToken(accessToken)));
            assertEquals("Access Token has expired", expired.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void aPoolFileWithAUserAddedAndItsCodesInTheOutbox() throws Exception {
        try (LocalPool.Running pool = LocalPool.builder().poolFile(Path.of("config-samples/local-pool.json"))
                .user("zed", "Zed-Passw0rd!").start();
             CognitoIdentityProviderClient sdk = sdk(pool)) {
            assertEquals("us-east-1_LocalSample", pool.poolId());
            assertEquals(List.of("samplepublicclient", "samplesecretclient", "samplemachineclient"), pool.clientIds());
            sdk.initiateAuth(r -> r.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "zed", "PASSWORD", "Zed-Passw0rd!")));
            var challenge = sdk.initiateAuth(r -> r.clientId(pool.clientId()).authFlow(AuthFlowType.USER_AUTH)
                    .authParameters(Map.of("USERNAME", "erin", "PREFERRED_CHALLENGE", "EMAIL_OTP")));
            assertEquals(ChallengeNameType.EMAIL_OTP, challenge.challengeName());
            String code = pool.outbox().latestCode("erin").orElseThrow();
            assertTrue(code.matches("\\d{8}"), code);
            var tokens = sdk.respondToAuthChallenge(r -> r.clientId(pool.clientId()).session(challenge.session())
                    .challengeName(ChallengeNameType.EMAIL_OTP)
                    .challengeResponses(Map.of("USERNAME", "erin", "EMAIL_OTP_CODE", code)));
            assertTrue(tokens.authenticationResult().idToken().split("\\.").length == 3);
        }
    }
}
