package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pre token generation trigger (event version 3, TokenGeneration_ClientCredentials) as a Node.js
 * handler of the local pool, changing a machine's access token: it sees the scopes asked for and
 * adds a claim, drops one scope and adds another, and cannot touch {@code sub}.
 */
class LocalPoolMachineTriggerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "machine-secret-value";

    @TempDir
    Path temp;

    @Test
    void aNodeTriggerAddsClaimsAndChangesScopes() throws Exception {
        RequiredTool.require("node", "the local pool's Node.js triggers");
        Files.writeString(temp.resolve("pretoken.js"), """
                exports.handler = async (event) => {
                  if (event.version !== '3' || event.triggerSource !== 'TokenGeneration_ClientCredentials') {
                    throw new Error('unexpected event ' + event.version + ' ' + event.triggerSource);
                  }
                  event.response = { claimsAndScopeOverrideDetails: { accessTokenGeneration: {
                    claimsToAddOrOverride: { tenant: 'acme', asked: event.request.scopes.join(','),
                      caller: event.callerContext.clientId, sub: 'not-allowed' },
                    claimsToSuppress: ['version'],
                    scopesToAdd: ['orders/write'],
                    scopesToSuppress: ['orders/read'] } } };
                  return event;
                };
                """);
        Files.writeString(temp.resolve("pool.json"), """
                {
                  "poolId": "us-east-1_TriggerMachines",
                  "resourceServers": [ { "identifier": "orders",
                    "scopes": [ { "scopeName": "read" }, { "scopeName": "write" } ] } ],
                  "clients": [ { "clientId": "machine", "clientSecret": "%s",
                    "allowedOAuthFlows": ["client_credentials"], "allowedOAuthScopes": ["orders/read", "orders/write"] } ],
                  "users": [],
                  "triggers": { "preTokenGeneration": { "node": "pretoken.js", "lambdaVersion": "V3_0" } }
                }
                """.formatted(SECRET));
        try (LocalPoolProcess pool = LocalPoolProcess.start(temp.resolve("pool.json"))) {
            Cogauth.Result run = Cogauth.run().env("COGAUTH_CACHE_DIR", temp.resolve("cache").toString())
                    .env("COGAUTH_CLIENT_SECRET", SECRET).exec("token", "--client-credentials", "--domain",
                            pool.endpoint().toString(), "--client-id", "machine", "--scope", "orders/read")
                    .assertExit(0);
            String token = run.stdout().strip();
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            assertEquals("acme", claims.path("tenant").asText(), claims.toString());
            assertEquals("orders/read", claims.path("asked").asText(), "the trigger saw the scopes asked for");
            assertEquals("machine", claims.path("caller").asText());
            assertEquals("orders/write", claims.path("scope").asText(), "one scope dropped, one added");
            assertEquals("machine", claims.path("sub").asText(), "sub is not the trigger's to change");
            assertEquals(2, claims.path("version").asInt(), "version is not the trigger's to suppress");
            assertFalse(pool.stderr().text().contains("PreTokenGeneration failed"), pool.stderr().text());
        }
    }
}
