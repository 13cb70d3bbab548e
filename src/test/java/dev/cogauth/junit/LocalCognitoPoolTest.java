package dev.cogauth.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cogauth.localpool.LocalPool;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/** The extension as a test class uses it: the annotation with a pool file, and a builder registered on a field. */
class LocalCognitoPoolTest {

    private static CognitoIdentityProviderClient sdk(URI endpoint) {
        return CognitoIdentityProviderClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static boolean listening(URI endpoint) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @LocalCognitoPool(poolFile = "config-samples/local-pool.json")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class FromAPoolFile {
        private LocalPool.Running first;

        @BeforeAll
        void remember(LocalPool.Running pool) {
            first = pool;
        }

        @Test
        void handsTheSamePoolToEveryTest(LocalPool.Running pool) {
            assertSame(first, pool);
            assertEquals("us-east-1_LocalSample", pool.poolId());
            try (CognitoIdentityProviderClient sdk = sdk(pool.endpoint())) {
                String token = sdk.initiateAuth(r -> r.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "alice", "PASSWORD", "Alice-Passw0rd!")))
                        .authenticationResult().accessToken();
                assertEquals("alice", sdk.getUser(r -> r.accessToken(token)).username());
            }
        }

        @Nested
        class InANestedClass {
            @Test
            void theEnclosingClassesPoolIsShared(LocalPool.Running pool) {
                assertSame(first, pool);
            }
        }
    }

    @Nested
    class FromABuilderPerTest {
        @RegisterExtension
        final LocalPoolExtension cognito = LocalPoolExtension.perTest(pool -> pool.client("web").user("bo", "Bo-Passw0rd!1"));

        private static URI earlier;

        @Test
        void aFreshPoolEachTest() {
            LocalPool.Running pool = cognito.pool();
            assertEquals("web", pool.clientId());
            if (earlier != null) {
                assertNotEquals(earlier, pool.endpoint());
                assertEquals(false, listening(earlier), "the previous test's pool is stopped");
            }
            earlier = pool.endpoint();
        }

        @Test
        void anotherTest() {
            aFreshPoolEachTest();
        }
    }

    @Nested
    class WithoutTheAnnotation {
        @Test
        void theExtensionSaysWhatItNeeds() {
            var e = assertThrows(IllegalStateException.class, () -> new LocalPoolExtension().pool());
            assertEquals("no local pool is running: the extension starts one before the tests", e.getMessage());
        }
    }
}
