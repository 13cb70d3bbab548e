package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.cli.CliContext;
import dev.cogauth.cli.Main;
import dev.cogauth.junit.LocalCognitoPool;
import dev.cogauth.localpool.LocalPool;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/** What docs/junit.md shows: a local Cognito for this class, the AWS SDK and cogauth's sign-in against it. */
@LocalCognitoPool(poolFile = "src/test/resources/pool.json")
class SignInTest {

    private static CognitoIdentityProviderClient cognito(LocalPool.Running pool) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(pool.endpoint())
                .region(Region.of(pool.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Test
    void theAwsSdkSignsInAndTheClockExpiresTheToken(LocalPool.Running pool) {
        try (CognitoIdentityProviderClient cognito = cognito(pool)) {
            String accessToken = cognito.initiateAuth(r -> r.clientId(pool.clientId())
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "alice", "PASSWORD", "Alice-Passw0rd!")))
                    .authenticationResult().accessToken();
            assertEquals("alice", cognito.getUser(r -> r.accessToken(accessToken)).username());

            pool.clock().advance(Duration.ofHours(2));
            try {
                assertThrows(NotAuthorizedException.class, () -> cognito.getUser(r -> r.accessToken(accessToken)));
            } finally {
                pool.clock().advance(Duration.ofHours(-2)); // the class's tests share the pool, and its clock
            }
        }
    }

    @Test
    void cogauthSignsInWithSrp(LocalPool.Running pool) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(CliContext.of(Map.of("COGAUTH_PASSWORD", "Alice-Passw0rd!"),
                        new ByteArrayInputStream(new byte[0]), Clock.systemUTC()),
                new PrintWriter(out, true), new PrintWriter(err, true),
                "signin", "--pool-id", pool.poolId(), "--client-id", pool.clientId(),
                "--endpoint-url", pool.endpoint().toString(), "--auth-flow", "USER_SRP_AUTH", "-u", "alice", "--no-store");
        assertEquals(0, code, err.toString());
        JsonNode tokens = new ObjectMapper().readTree(out.toString());
        assertTrue(tokens.path("IdToken").asText().split("\\.").length == 3, out.toString());
    }
}
