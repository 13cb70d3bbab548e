package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.engine.PoolLog;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/** The AWS SDK, as the real cogauth client uses it, parses the pool's answers and errors. */
class LocalPoolSdkTest {

    @Test
    void aCustomRoundTripAndAnErrorParse() throws IOException {
        try (LocalPool.Running pool = LocalPool.builder().definition(DemoPool.definition())
                .log(PoolLog.silent()).build().start(0);
             CognitoIdentityProviderClient sdk = CognitoIdentityProviderClient.builder()
                     .endpointOverride(pool.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(AnonymousCredentialsProvider.create())
                     .httpClient(UrlConnectionHttpClient.create())
                     .build()) {
            InitiateAuthResponse question = sdk.initiateAuth(request -> request.clientId(DemoPool.CLIENT_ID)
                    .authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(Map.of("USERNAME", DemoPool.USERNAME)));
            assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, question.challengeName());
            assertEquals("What is 6 times 7?", question.challengeParameters().get("question"));
            RespondToAuthChallengeResponse tokens = sdk.respondToAuthChallenge(request -> request
                    .clientId(DemoPool.CLIENT_ID).challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                    .session(question.session())
                    .challengeResponses(Map.of("USERNAME", DemoPool.USERNAME, "ANSWER", "42")));
            assertTrue(tokens.authenticationResult().idToken().split("\\.").length == 3);
            assertEquals(3600, tokens.authenticationResult().expiresIn());

            NotAuthorizedException refused = assertThrows(NotAuthorizedException.class, () -> sdk.initiateAuth(request -> request
                    .clientId(DemoPool.CLIENT_ID).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", DemoPool.USERNAME, "PASSWORD", "wrong-password"))));
            assertEquals("Incorrect username or password.", refused.awsErrorDetails().errorMessage());
            assertEquals(400, refused.statusCode());
        }
    }
}
