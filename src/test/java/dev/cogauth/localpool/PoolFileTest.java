package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.definition.IdentityPoolDefinition;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.PoolDefinition.DeviceTracking;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.TokenValidity;
import dev.cogauth.localpool.definition.TriggerDefinition;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.localpool.definition.UserDefinition;
import dev.cogauth.localpool.engine.PoolLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolFileTest {

    private static final String MINIMAL_CLIENTS = "\"clients\":[{\"clientId\":\"c\"}]";

    @Nested
    class TheSampleFile {
        private final Path sample = Path.of("config-samples/local-pool.json");

        @Test
        void loadsEveryDocumentedField() throws PoolFileException {
            PoolDefinition pool = PoolFile.load(sample);
            assertEquals("us-east-1_LocalSample", pool.poolId());
            assertEquals(MfaMode.OPTIONAL, pool.mfa());
            assertEquals(3, pool.clients().size());
            assertEquals(List.of("orders/read", "orders/write"), pool.managedLogin()
                    .clientCredentialsClient("samplemachineclient").orElseThrow().scopes());
            ClientDefinition secret = pool.clients().get(1);
            assertTrue(secret.hasSecret());
            assertFalse(secret.allows("USER_PASSWORD_AUTH"));
            assertTrue(secret.refreshTokenRotation());
            assertEquals(Duration.ofMinutes(5), secret.sessionValidity());
            assertEquals(Duration.ofSeconds(10), secret.refreshTokenGrace());
            assertTrue(secret.preventUserExistenceErrors());
            assertFalse(pool.clients().get(0).preventUserExistenceErrors(), "LEGACY, the API's default");
            assertEquals(new TokenValidity(Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ofDays(30)),
                    pool.clients().get(0).tokenValidity());
            UserDefinition bob = pool.users().get(1);
            assertEquals(UserStatus.FORCE_CHANGE_PASSWORD, bob.status());
            assertEquals("+15550100200", bob.attributes().get("phone_number"));
            assertEquals("SOFTWARE_TOKEN_MFA", pool.users().get(2).mfa().preferred());
            assertTrue(pool.users().get(3).mfa().sms());
            assertInstanceOf(TriggerDefinition.Builtin.class, pool.triggers().define());
            assertEquals(Duration.ofSeconds(5), pool.triggers().timeout());
            assertEquals(List.of("PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"),
                    pool.signInPolicy().allowedFirstAuthFactors());
            assertTrue(pool.clients().get(0).allows("USER_AUTH"));
            UserDefinition erin = pool.users().get(4);
            assertNull(erin.password(), "a passwordless user");
            assertEquals(List.of("AQIDBAUGBwgJCgsMDQ4PEA"), erin.passkeys());
            IdentityPoolDefinition identities = pool.identityPools().get(0);
            assertEquals("us-east-1:0a1b2c3d-1111-2222-3333-444455556666", identities.identityPoolId());
            assertFalse(identities.allowUnauthenticated());
            assertEquals(List.of(new IdentityPoolDefinition.Provider(
                    "cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalSample", "samplepublicclient"),
                    new IdentityPoolDefinition.Provider(
                    "cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalSample", "samplesecretclient")),
                    identities.providers());
        }

        @Test
        void servesASignInWithAnEmailAlias() throws Exception {
            try (LocalPool.Running running = LocalPool.builder().definition(PoolFile.load(sample))
                    .log(PoolLog.silent()).build().start(0)) {
                assertTrue(new PoolClient(running, Clock.systemUTC()).initiate("samplepublicclient", "USER_PASSWORD_AUTH",
                        Map.of("USERNAME", "alice@example.com", "PASSWORD", "Alice-Passw0rd!")).signedIn());
            }
        }
    }

    @Test
    void fillsCognitosDefaults(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pool.json"),
                "{\"poolId\":\"eu-west-2_Small\"," + MINIMAL_CLIENTS + ",\"users\":[]}");
        PoolDefinition pool = PoolFile.load(file);
        assertEquals("eu-west-2", pool.region());
        ClientDefinition client = pool.clients().get(0);
        assertNull(client.clientSecret());
        assertEquals(ClientDefinition.ALL_FLOWS, client.explicitAuthFlows());
        assertEquals(Duration.ofMinutes(3), client.sessionValidity());
        assertEquals(TokenValidity.COGNITO_DEFAULTS, client.tokenValidity());
        assertNull(pool.triggers().define());
        assertEquals(DeviceTracking.OFF, pool.deviceTracking());
        assertEquals(List.of("PASSWORD"), pool.signInPolicy().allowedFirstAuthFactors());
        assertTrue(client.allows("USER_AUTH"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource({"off, OFF", "always, ALWAYS", "user-opt-in, USER_OPT_IN", "Always, ALWAYS"})
    void readsDeviceTracking(String value, DeviceTracking expected, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pool.json"), "{\"poolId\":\"eu-west-2_Small\","
                + "\"deviceTracking\":\"" + value + "\"," + MINIMAL_CLIENTS + ",\"users\":[]}");
        assertEquals(expected, PoolFile.load(file).deviceTracking());
    }

    @Test
    void sessionsMayBeMadeShortForTestsOfExpiry(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pool.json"), "{\"poolId\":\"eu-west-2_Small\","
                + "\"clients\":[{\"clientId\":\"c\",\"sessionValiditySeconds\":2}],\"users\":[]}");
        assertEquals(Duration.ofSeconds(2), PoolFile.load(file).clients().get(0).sessionValidity());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Cognito's default units (hours, hours, days) | "accessTokenValidity":2,"idTokenValidity":1,"refreshTokenValidity":7 | PT2H | PT1H | PT168H
            units per token                                | "accessTokenValidity":5,"idTokenValidity":300,"refreshTokenValidity":60,"tokenValidityUnits":{"accessToken":"minutes","idToken":"seconds","refreshToken":"minutes"} | PT5M | PT5M | PT1H
            shorter than Cognito allows, for tests         | "accessTokenValidity":40,"idTokenValidity":40,"tokenValidityUnits":{"accessToken":"seconds","idToken":"seconds"} | PT40S | PT40S | PT720H
            """)
    void readsTokenValidityInItsUnits(String what, String fields, Duration access, Duration id, Duration refresh,
                                      @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pool.json"), "{\"poolId\":\"eu-west-2_Small\","
                + "\"clients\":[{\"clientId\":\"c\"," + fields + "}],\"users\":[]}");
        assertEquals(new TokenValidity(access, id, refresh), PoolFile.load(file).clients().get(0).tokenValidity());
    }

    @Test
    void resolvesANodeHandlerAgainstThePoolFilesDirectory(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("triggers"));
        Files.writeString(dir.resolve("triggers/auth.js"), "exports.define = async (event) => event;");
        String trigger = "{\"node\":\"triggers/auth.js\",\"handler\":\"define\"}";
        Path file = Files.writeString(dir.resolve("pool.json"), "{\"poolId\":\"eu-west-2_Small\"," + MINIMAL_CLIENTS
                + ",\"users\":[],\"triggerTimeout\":\"1500ms\",\"triggers\":{\"define\":" + trigger + ",\"create\":"
                + trigger + ",\"verify\":{\"lambda\":\"http://127.0.0.1:3001\",\"function\":\"verify\"}}}");
        PoolDefinition pool = PoolFile.load(file);
        TriggerDefinition.Node define = assertInstanceOf(TriggerDefinition.Node.class, pool.triggers().define());
        assertEquals(dir.resolve("triggers/auth.js").toAbsolutePath().normalize(), define.file());
        assertEquals("define", define.exportName());
        assertEquals("verify", assertInstanceOf(TriggerDefinition.Lambda.class, pool.triggers().verify()).functionName());
        assertEquals(Duration.ofMillis(1500), pool.triggers().timeout());
    }

    @Test
    void readsTheSignUpTriggers(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("migrate.js"), "exports.handler = async (event) => event;");
        Path file = Files.writeString(dir.resolve("pool.json"), "{\"poolId\":\"eu-west-2_Small\"," + MINIMAL_CLIENTS
                + ",\"users\":[],\"triggers\":{\"preSignUp\":{\"lambda\":\"http://127.0.0.1:3001\",\"function\":\"pre\"},"
                + "\"postConfirmation\":{\"lambda\":\"http://127.0.0.1:3001\",\"function\":\"post\"},"
                + "\"userMigration\":{\"node\":\"migrate.js\"},"
                + "\"customMessage\":{\"lambda\":\"http://127.0.0.1:3001\",\"function\":\"message\"}}}");
        PoolDefinition pool = PoolFile.load(file);
        assertEquals("pre", assertInstanceOf(TriggerDefinition.Lambda.class, pool.triggers().preSignUp()).functionName());
        assertEquals("post", assertInstanceOf(TriggerDefinition.Lambda.class, pool.triggers().postConfirmation())
                .functionName());
        assertEquals(dir.resolve("migrate.js").toAbsolutePath().normalize(),
                assertInstanceOf(TriggerDefinition.Node.class, pool.triggers().userMigration()).file());
        assertEquals("message", assertInstanceOf(TriggerDefinition.Lambda.class, pool.triggers().customMessage())
                .functionName());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                 | {"poolId":                                                           | not valid JSON (line
            a bad pool id            | {"poolId":"mypool",CLIENTS,"users":[]}                               | poolId: must look like
            no clients               | {"poolId":"us-east-1_P","users":[]}                                  | clients: must be a non-empty array
            a typo in a user         | {"poolId":"us-east-1_P",CLIENTS,"users":[{"username":"a","pasword":"x"}]} | users[0].pasword: unknown field
            no password              | {"poolId":"us-east-1_P",CLIENTS,"users":[{"username":"a"}]}          | users[0].password: is required
            a bad status             | {"poolId":"us-east-1_P",CLIENTS,"users":[{"username":"a","password":"p","status":"HAPPY"}]} | users[0].status: must be one of
            a bad TOTP secret        | {"poolId":"us-east-1_P",CLIENTS,"users":[{"username":"a","password":"p","mfa":{"totpSecret":"1"}}]} | users[0].mfa.totpSecret: must be a base32
            an unknown flow          | {"poolId":"us-east-1_P","clients":[{"clientId":"c","explicitAuthFlows":["MAGIC"]}],"users":[]} | clients[0].explicitAuthFlows: unknown flow
            a short session          | {"poolId":"us-east-1_P","clients":[{"clientId":"c","sessionValidityMinutes":1}],"users":[]} | clients[0].sessionValidityMinutes: must be 3 to 15
            an unknown builtin       | {"poolId":"us-east-1_P",CLIENTS,"users":[],"triggers":{"define":{"builtin":"nope"},"create":{"builtin":"nope"},"verify":{"builtin":"nope"}}} | triggers.define: unknown built-in trigger 'nope'
            only one trigger         | {"poolId":"us-east-1_P",CLIENTS,"users":[],"triggers":{"define":{"builtin":"demo-question"}}} | triggers: define, create and verify must all be given
            a missing handler file   | {"poolId":"us-east-1_P",CLIENTS,"users":[],"triggers":{"define":{"node":"missing.js"},"create":{"builtin":"demo-question"},"verify":{"builtin":"demo-question"}}} | triggers.define.node: no such file
            a shared email alias     | {"poolId":"us-east-1_P",CLIENTS,"users":[{"username":"a","password":"p","email":"x@y.z"},{"username":"b","password":"p","email":"x@y.z"}]} | users[1].email: another user already signs in with x@y.z
            both session lengths     | {"poolId":"us-east-1_P","clients":[{"clientId":"c","sessionValidityMinutes":3,"sessionValiditySeconds":5}],"users":[]} | clients[0].sessionValiditySeconds: give sessionValidityMinutes or sessionValiditySeconds, not both
            a zero token validity    | {"poolId":"us-east-1_P","clients":[{"clientId":"c","accessTokenValidity":0}],"users":[]} | clients[0].accessTokenValidity: must be 1 second to 1 days
            a refresh token too long | {"poolId":"us-east-1_P","clients":[{"clientId":"c","refreshTokenValidity":3651}],"users":[]} | clients[0].refreshTokenValidity: must be 1 second to 3650 days
            an unknown validity unit | {"poolId":"us-east-1_P","clients":[{"clientId":"c","tokenValidityUnits":{"idToken":"weeks"}}],"users":[]} | clients[0].tokenValidityUnits.idToken: must be one of
            a typo in validity units | {"poolId":"us-east-1_P","clients":[{"clientId":"c","tokenValidityUnits":{"idtoken":"days"}}],"users":[]} | clients[0].tokenValidityUnits.idtoken: unknown field
            a bad device tracking    | {"poolId":"us-east-1_P",CLIENTS,"users":[],"deviceTracking":"sometimes"} | deviceTracking: must be one of [off, always, user-opt-in]
            a bad existence setting  | {"poolId":"us-east-1_P","clients":[{"clientId":"c","preventUserExistenceErrors":"ON"}],"users":[]} | clients[0].preventUserExistenceErrors: must be ENABLED or LEGACY
            a bad timeout            | {"poolId":"us-east-1_P",CLIENTS,"users":[],"triggerTimeout":"soon"}  | triggerTimeout: must be seconds
            an unknown first factor  | {"poolId":"us-east-1_P",CLIENTS,"users":[],"signInPolicy":{"allowedFirstAuthFactors":["PASSWORD","MAGIC_LINK"]}} | signInPolicy.allowedFirstAuthFactors: unknown factor MAGIC_LINK
            no first factor          | {"poolId":"us-east-1_P",CLIENTS,"users":[],"signInPolicy":{"allowedFirstAuthFactors":[]}} | signInPolicy.allowedFirstAuthFactors: must list each allowed factor once
            a typo in the policy     | {"poolId":"us-east-1_P",CLIENTS,"users":[],"signInPolicy":{"allowedFactors":["PASSWORD"]}} | signInPolicy.allowedFactors: unknown field
            no password, no code     | {"poolId":"us-east-1_P",CLIENTS,"users":[{"username":"a"}],"signInPolicy":{"allowedFirstAuthFactors":["PASSWORD"]}} | users[0].password: is required
            a public machine client  | {"poolId":"us-east-1_P","resourceServers":[{"identifier":"r","scopes":[{"scopeName":"s"}]}],"clients":[{"clientId":"c","allowedOAuthFlows":["client_credentials"],"allowedOAuthScopes":["r/s"]}],"users":[]} | clients[0].clientSecret: the client_credentials flow needs a client with a secret
            an undefined custom scope | {"poolId":"us-east-1_P","resourceServers":[{"identifier":"r","scopes":[{"scopeName":"s"}]}],"clients":[{"clientId":"c","clientSecret":"x","allowedOAuthFlows":["client_credentials"],"allowedOAuthScopes":["r/t"]}],"users":[]} | clients[0].allowedOAuthScopes: r/t is not a custom scope of a resource server
            a machine client with code | {"poolId":"us-east-1_P","clients":[{"clientId":"c","clientSecret":"x","allowedOAuthFlows":["client_credentials","code"],"callbackURLs":["http://localhost:1/"]}],"users":[]} | clients[0].allowedOAuthFlows: client_credentials cannot be combined with code
            a typo in a resource server | {"poolId":"us-east-1_P",CLIENTS,"users":[],"resourceServers":[{"identifer":"r"}]} | resourceServers[0].identifer: unknown field
            a scope name with a slash | {"poolId":"us-east-1_P",CLIENTS,"users":[],"resourceServers":[{"identifier":"r","scopes":[{"scopeName":"a/b"}]}]} | resourceServers[0].scopes[0].scopeName: must be 1-256 printable
            a bad identity pool id   | {"poolId":"us-east-1_P",CLIENTS,"users":[],"identityPools":[{"identityPoolId":"us-east-1_nope"}]} | identityPools[0].identityPoolId: must look like <region>:<lower-case uuid>
            an unknown identity client | {"poolId":"us-east-1_P",CLIENTS,"users":[],"identityPools":[{"identityPoolId":"us-east-1:0a1b2c3d-1111-2222-3333-444455556666","cognitoIdentityProviders":[{"clientId":"x"}]}]} | identityPools[0].cognitoIdentityProviders[0].clientId: no app client x in this pool
            a typo in an identity pool | {"poolId":"us-east-1_P",CLIENTS,"users":[],"identityPools":[{"identityPoolId":"us-east-1:0a1b2c3d-1111-2222-3333-444455556666","allowGuests":true}]} | identityPools[0].allowGuests: unknown field
            a built-in sign-in trigger | {"poolId":"us-east-1_P",CLIENTS,"users":[],"triggers":{"preAuthentication":{"builtin":"demo-question"}}} | triggers.preAuthentication: the built-in triggers are custom-auth triggers
            a bad token event version | {"poolId":"us-east-1_P",CLIENTS,"users":[],"triggers":{"preTokenGeneration":{"lambda":"http://127.0.0.1:1","function":"f","lambdaVersion":"V4_0"}}} | triggers.preTokenGeneration.lambdaVersion: must be V1_0, V2_0 or V3_0
            a version on another trigger | {"poolId":"us-east-1_P",CLIENTS,"users":[],"triggers":{"postAuthentication":{"lambda":"http://127.0.0.1:1","function":"f","lambdaVersion":"V2_0"}}} | triggers.postAuthentication.lambdaVersion: unknown field
            a trigger the pool does not run | {"poolId":"us-east-1_P",CLIENTS,"users":[],"triggers":{"customSmsSender":{"lambda":"http://127.0.0.1:1","function":"f"}}} | triggers.customSmsSender: unknown field
            a built-in sign-up trigger | {"poolId":"us-east-1_P",CLIENTS,"users":[],"triggers":{"preSignUp":{"builtin":"demo-question"}}} | triggers.preSignUp: the built-in triggers are custom-auth triggers
            a bad passkey id         | {"poolId":"us-east-1_P",CLIENTS,"users":[{"username":"a","password":"p","passkeys":["a b"]}]} | users[0].passkeys: a credential id must be base64url
            """)
    void aBadFileIsNamedWithItsField(String what, String content, String expected, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("pool.json"), content.replace("CLIENTS", MINIMAL_CLIENTS));
        PoolFileException e = assertThrows(PoolFileException.class, () -> PoolFile.load(file));
        assertTrue(e.getMessage().startsWith(file + ": " + expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        PoolFileException e = assertThrows(PoolFileException.class, () -> PoolFile.load(dir.resolve("none.json")));
        assertEquals(dir.resolve("none.json") + ": no such file", e.getMessage());
    }
}
