package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogauth.localpool.PoolClient.Reply;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.TokenValidity;
import dev.cogauth.localpool.engine.PoolLog;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LocalPoolTokensTest {

    private final SettableClock clock = SettableClock.stopped();
    private LocalPool.Running pool;
    private PoolClient client;

    @BeforeEach
    void start() throws IOException {
        pool = LocalPool.builder().definition(TestPools.standard()).log(PoolLog.silent()).clock(clock).build().start(0);
        client = new PoolClient(pool, clock);
    }

    @AfterEach
    void stop() {
        pool.close();
    }

    private Reply signIn(String clientId) {
        return client.initiate(clientId, "USER_PASSWORD_AUTH",
                Map.of("USERNAME", TestPools.ALICE, "PASSWORD", TestPools.PASSWORD)).expectOk();
    }

    private Reply getUser(String accessToken) {
        return client.call("GetUser", PoolClient.JSON.createObjectNode().put("AccessToken", accessToken));
    }

    private static boolean verifies(String jwt, JsonNode jwks) throws Exception {
        String[] parts = jwt.split("\\.");
        JsonNode header = PoolClient.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals("RS256", header.path("alg").asText());
        JsonNode key = null;
        for (JsonNode candidate : jwks.path("keys")) {
            if (candidate.path("kid").asText().equals(header.path("kid").asText())) {
                key = candidate;
            }
        }
        if (key == null) {
            return false;
        }
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()))));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKey);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    @Nested
    class TheTokens {
        @Test
        void verifyAgainstTheServedJwksAndCarryCognitosClaims() throws Exception {
            Reply done = signIn(TestPools.PUBLIC);
            String issuer = pool.endpoint() + "/" + DemoPool.POOL_ID;
            JsonNode jwks = PoolClient.JSON.readTree(client.get("/" + DemoPool.POOL_ID + "/.well-known/jwks.json"));
            JsonNode openId = PoolClient.JSON.readTree(client.get("/" + DemoPool.POOL_ID + "/.well-known/openid-configuration"));
            assertEquals(issuer, openId.path("issuer").asText());
            assertEquals(issuer + "/.well-known/jwks.json", openId.path("jwks_uri").asText());

            String idToken = done.token("IdToken");
            String accessToken = done.token("AccessToken");
            assertTrue(verifies(idToken, jwks));
            assertTrue(verifies(accessToken, jwks));
            String tampered = idToken.substring(0, idToken.lastIndexOf('.') - 2) + "xx" + idToken.substring(idToken.lastIndexOf('.'));
            assertFalse(verifies(tampered, jwks));

            Map<String, Object> id = PoolClient.claims(idToken);
            assertEquals("id", id.get("token_use"));
            assertEquals(TestPools.ALICE, id.get("cognito:username"));
            assertEquals(TestPools.PUBLIC, id.get("aud"));
            assertEquals(issuer, id.get("iss"));
            assertEquals(TestPools.ALICE_EMAIL, id.get("email"));
            assertEquals(Boolean.TRUE, id.get("email_verified"));
            assertEquals(clock.instant().getEpochSecond() + 3600, ((Number) id.get("exp")).longValue());
            for (String claim : new String[] {"sub", "auth_time", "iat", "jti", "origin_jti", "event_id"}) {
                assertTrue(id.containsKey(claim), claim);
            }
            Map<String, Object> access = PoolClient.claims(accessToken);
            assertEquals("access", access.get("token_use"));
            assertEquals(TestPools.PUBLIC, access.get("client_id"));
            assertEquals(TestPools.ALICE, access.get("username"));
            assertEquals("aws.cognito.signin.user.admin", access.get("scope"));
            assertEquals(id.get("sub"), access.get("sub"));
            assertEquals(id.get("origin_jti"), access.get("origin_jti"));
            assertFalse(access.containsKey("aud"));
            assertEquals(3600, done.body().path("AuthenticationResult").path("ExpiresIn").asInt());
            assertEquals("Bearer", done.token("TokenType"));
        }

        @Test
        void getUserListsTheAttributesUntilTheTokenExpires() {
            String accessToken = signIn(TestPools.PUBLIC).token("AccessToken");
            Reply user = getUser(accessToken).expectOk();
            assertEquals(TestPools.ALICE, user.body().path("Username").asText());
            assertTrue(user.body().path("UserAttributes").toString().contains("\"custom:team\""));
            clock.advance(Duration.ofHours(1));
            assertEquals("Access Token has expired", getUser(accessToken).expectError("NotAuthorizedException").message());
            getUser("not.a.token").expectError("NotAuthorizedException");
        }
    }

    @Nested
    class Refreshing {
        @Test
        void refreshTokenAuthGivesNewTokensButNoNewRefreshToken() {
            Reply done = signIn(TestPools.PUBLIC);
            clock.advance(Duration.ofMinutes(5));
            Reply refreshed = client.initiate(TestPools.PUBLIC, "REFRESH_TOKEN_AUTH",
                    Map.of("REFRESH_TOKEN", done.token("RefreshToken"))).expectOk();
            assertNotEquals(done.token("AccessToken"), refreshed.token("AccessToken"));
            assertNull(refreshed.token("RefreshToken"));
            assertEquals(PoolClient.claims(done.token("IdToken")).get("auth_time"),
                    PoolClient.claims(refreshed.token("IdToken")).get("auth_time"));
            Reply bad = client.initiate(TestPools.PUBLIC, "REFRESH_TOKEN_AUTH", Map.of("REFRESH_TOKEN", "garbage"))
                    .expectError("NotAuthorizedException");
            assertEquals("Invalid Refresh Token", bad.message());
        }

        @Test
        void aRotatingClientReplacesTheRefreshTokenAfterItsGracePeriod() {
            String first = signIn(TestPools.ROTATING).token("RefreshToken");
            Reply rotated = client.call("GetTokensFromRefreshToken", PoolClient.JSON.createObjectNode()
                    .put("ClientId", TestPools.ROTATING).put("RefreshToken", first)).expectOk();
            String second = rotated.token("RefreshToken");
            assertTrue(second != null && !second.equals(first));
            clock.advance(Duration.ofSeconds(5));
            client.call("GetTokensFromRefreshToken", PoolClient.JSON.createObjectNode()
                    .put("ClientId", TestPools.ROTATING).put("RefreshToken", first)).expectOk();
            clock.advance(Duration.ofSeconds(6));
            client.call("GetTokensFromRefreshToken", PoolClient.JSON.createObjectNode()
                    .put("ClientId", TestPools.ROTATING).put("RefreshToken", first)).expectError("NotAuthorizedException");
            client.call("GetTokensFromRefreshToken", PoolClient.JSON.createObjectNode()
                    .put("ClientId", TestPools.ROTATING).put("RefreshToken", second)).expectOk();
        }

        @Test
        void aSecretClientMustSendItsSecret() {
            String hash = dev.cogauth.srp.SecretHash.compute(TestPools.SECRET, TestPools.ALICE, TestPools.SECRET_CLIENT);
            String refresh = client.initiate(TestPools.SECRET_CLIENT, "USER_PASSWORD_AUTH", Map.of("USERNAME",
                    TestPools.ALICE, "PASSWORD", TestPools.PASSWORD, "SECRET_HASH", hash)).expectOk().token("RefreshToken");
            client.call("GetTokensFromRefreshToken", PoolClient.JSON.createObjectNode()
                    .put("ClientId", TestPools.SECRET_CLIENT).put("RefreshToken", refresh)).expectError("NotAuthorizedException");
            client.call("GetTokensFromRefreshToken", PoolClient.JSON.createObjectNode().put("ClientId", TestPools.SECRET_CLIENT)
                    .put("RefreshToken", refresh).put("ClientSecret", TestPools.SECRET)).expectOk();
            client.initiate(TestPools.SECRET_CLIENT, "REFRESH_TOKEN_AUTH", Map.of("REFRESH_TOKEN", refresh))
                    .expectError("NotAuthorizedException");
            client.initiate(TestPools.SECRET_CLIENT, "REFRESH_TOKEN_AUTH", Map.of("REFRESH_TOKEN", refresh,
                    "SECRET_HASH", hash)).expectOk();
        }
    }

    @Nested
    class PerClientValidity {
        private static final String SHORT = "shortlivedclient";

        @Test
        void givesEachTokenItsClientsLifetimeAndEndsTheRefreshTokenAtItsOwn() throws IOException {
            PoolDefinition standard = TestPools.standard();
            java.util.List<ClientDefinition> clients = new java.util.ArrayList<>(standard.clients());
            clients.add(new ClientDefinition(SHORT, null, ClientDefinition.ALL_FLOWS,
                    ClientDefinition.DEFAULT_SESSION_VALIDITY, true, false, Duration.ZERO, false,
                    new TokenValidity(Duration.ofMinutes(5), Duration.ofSeconds(40), Duration.ofMinutes(60))));
            PoolDefinition shortLived = new PoolDefinition(standard.poolId(), standard.region(), standard.mfa(),
                    clients, standard.users(), standard.triggers());
            try (LocalPool.Running running = LocalPool.builder().definition(shortLived)
                    .log(PoolLog.silent()).clock(clock).build().start(0)) {
                PoolClient shortClient = new PoolClient(running, clock);
                Reply done = shortClient.initiate(SHORT, "USER_PASSWORD_AUTH",
                        Map.of("USERNAME", TestPools.ALICE, "PASSWORD", TestPools.PASSWORD)).expectOk();
                long now = clock.instant().getEpochSecond();
                assertEquals(now + 300, ((Number) PoolClient.claims(done.token("AccessToken")).get("exp")).longValue());
                assertEquals(now + 40, ((Number) PoolClient.claims(done.token("IdToken")).get("exp")).longValue());
                assertEquals(300, done.body().path("AuthenticationResult").path("ExpiresIn").asInt());

                clock.advance(Duration.ofMinutes(59));
                Reply refreshed = shortClient.initiate(SHORT, "REFRESH_TOKEN_AUTH",
                        Map.of("REFRESH_TOKEN", done.token("RefreshToken"))).expectOk();
                assertEquals(clock.instant().getEpochSecond() + 40,
                        ((Number) PoolClient.claims(refreshed.token("IdToken")).get("exp")).longValue());
                clock.advance(Duration.ofMinutes(1));
                assertEquals("Invalid Refresh Token", shortClient.initiate(SHORT, "REFRESH_TOKEN_AUTH",
                        Map.of("REFRESH_TOKEN", done.token("RefreshToken"))).expectError("NotAuthorizedException").message());
            }
        }
    }

    @Nested
    class Revoking {
        @Test
        void revokeTokenEndsThatSignInOnly() {
            Reply one = signIn(TestPools.PUBLIC);
            Reply other = signIn(TestPools.PUBLIC);
            client.call("RevokeToken", PoolClient.JSON.createObjectNode()
                    .put("ClientId", TestPools.PUBLIC).put("Token", one.token("RefreshToken"))).expectOk();
            client.initiate(TestPools.PUBLIC, "REFRESH_TOKEN_AUTH", Map.of("REFRESH_TOKEN", one.token("RefreshToken")))
                    .expectError("NotAuthorizedException");
            assertEquals("Access Token has been revoked",
                    getUser(one.token("AccessToken")).expectError("NotAuthorizedException").message());
            getUser(other.token("AccessToken")).expectOk();
        }

        @Test
        void globalSignOutEndsEverySignInOfTheUser() {
            Reply one = signIn(TestPools.PUBLIC);
            Reply other = signIn(TestPools.ROTATING);
            client.call("GlobalSignOut", PoolClient.JSON.createObjectNode().put("AccessToken", one.token("AccessToken")))
                    .expectOk();
            getUser(other.token("AccessToken")).expectError("NotAuthorizedException");
            client.initiate(TestPools.ROTATING, "REFRESH_TOKEN_AUTH", Map.of("REFRESH_TOKEN", other.token("RefreshToken")))
                    .expectError("NotAuthorizedException");
            getUser(signIn(TestPools.PUBLIC).token("AccessToken")).expectOk();
        }

        @Test
        void aClientWithoutRevocationRefusesRevokeToken() {
            Reply done = signIn(TestPools.PASSWORD_ONLY);
            client.call("RevokeToken", PoolClient.JSON.createObjectNode()
                    .put("ClientId", TestPools.PASSWORD_ONLY).put("Token", done.token("RefreshToken")))
                    .expectError("UnsupportedOperationException");
        }
    }
}
