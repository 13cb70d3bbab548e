package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client credentials grant against cogauth's local pool: a resource server with custom scopes, a
 * confidential client allowed the flow, and the clients Cognito refuses. The pool's --log counts the grants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalPoolClientCredentialsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "machine-secret-value";

    @TempDir
    static Path temp;
    private LocalPoolProcess pool;

    @BeforeAll
    void startThePool() throws Exception {
        Path poolFile = temp.resolve("pool.json");
        Files.writeString(poolFile, """
                {
                  "poolId": "us-east-1_MachinePool",
                  "resourceServers": [
                    { "identifier": "orders", "name": "Orders API",
                      "scopes": [ { "scopeName": "read" }, { "scopeName": "write" } ] }
                  ],
                  "clients": [
                    { "clientId": "machine", "clientSecret": "%1$s", "allowedOAuthFlows": ["client_credentials"],
                      "allowedOAuthScopes": ["orders/read", "orders/write"] },
                    { "clientId": "noscopes", "clientSecret": "%1$s", "allowedOAuthFlows": ["client_credentials"],
                      "allowedOAuthScopes": [] },
                    { "clientId": "codeonly", "clientSecret": "%1$s", "callbackURLs": ["http://localhost:8400/"] },
                    { "clientId": "publicapp", "callbackURLs": ["http://localhost:8400/"] }
                  ],
                  "users": []
                }
                """.formatted(SECRET));
        pool = LocalPoolProcess.start(poolFile);
    }

    @AfterAll
    void stopThePool() throws Exception {
        if (pool != null) {
            pool.close();
        }
    }

    private Cogauth cogauth(String cache) {
        return Cogauth.run().env("COGAUTH_CACHE_DIR", temp.resolve(cache).toString());
    }

    private long grants() {
        return pool.stderr().text().lines().filter(line -> line.contains("client_credentials grant for client"))
                .count();
    }

    @Test
    void theAccessTokenHasCognitosMachineClaimsAndALoopMakesOneGrant() throws Exception {
        long before = grants();
        int mark = pool.stderr().mark();
        String domain = pool.endpoint().toString();
        Cogauth.Result signin = cogauth("loop").env("COGAUTH_CLIENT_SECRET", SECRET).exec("signin",
                "--client-credentials", "--domain", domain, "--client-id", "machine", "--scope", "orders/read")
                .assertExit(0);
        String token = JSON.readTree(signin.stdout()).get("AccessToken").asText();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertEquals("machine", claims.path("sub").asText(), claims.toString());
        assertEquals("machine", claims.path("client_id").asText());
        assertEquals("access", claims.path("token_use").asText());
        assertEquals("orders/read", claims.path("scope").asText());
        assertEquals(2, claims.path("version").asInt());
        assertEquals(domain + "/us-east-1_MachinePool", claims.path("iss").asText());
        assertFalse(claims.has("username"), "no user");
        for (String name : new String[] {"exp", "iat", "jti", "auth_time"}) {
            assertFalse(claims.path(name).isMissingNode(), name);
        }
        for (int i = 0; i < 3; i++) {
            Cogauth.Result run = cogauth("loop").exec("token", "--client-credentials", "--domain", domain,
                    "--client-id", "machine", "--scope", "orders/read").assertExit(0);
            assertEquals(token, run.stdout().strip(), run.describe());
        }
        // No --scope: the pool grants every scope the client is allowed; another cache entry, one more grant.
        String all = cogauth("loop").env("COGAUTH_CLIENT_SECRET", SECRET).exec("token", "--client-credentials",
                "--domain", domain, "--client-id", "machine").assertExit(0).stdout().strip();
        assertEquals("orders/read orders/write", JSON.readTree(Base64.getUrlDecoder().decode(all.split("\\.")[1]))
                .path("scope").asText());
        // The pool's log reaches the test through a pipe and a reader thread, possibly after the answer did: wait for
        // the last grant's line, then count every grant line up to it.
        pool.stderr().await(Pattern.compile("client_credentials grant for client machine scope orders/read orders/write"),
                mark, Duration.ofSeconds(60));
        assertEquals(before + 2, grants(), pool.stderr().text());
    }

    @ParameterizedTest(name = "[{index}] {0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            machine   | orders/read   | wrong-secret | invalid_client
            machine   | orders/delete | right        | invalid_scope
            machine   | openid        | right        | invalid_scope
            noscopes  |               | right        | invalid_grant
            codeonly  |               | right        | unauthorized_client
            publicapp |               | right        | invalid_client
            """)
    void refusesWhatCognitoRefuses(String client, String scope, String secret, String error) {
        String sent = secret.equals("right") ? SECRET : "not-the-secret-XYZ";
        Cogauth.Result run = cogauth("refused-" + client).env("COGAUTH_CLIENT_SECRET", sent)
                .exec(scope == null
                        ? new String[] {"token", "--client-credentials", "--domain", pool.endpoint().toString(),
                            "--client-id", client}
                        : new String[] {"token", "--client-credentials", "--domain", pool.endpoint().toString(),
                            "--client-id", client, "--scope", scope})
                .assertExit(3);
        run.check(run.errorLines().size() == 1 && run.errorLines().get(0).contains(error), "one line naming " + error);
        run.check(!run.stderr().contains(sent), "never the secret");
    }
}
