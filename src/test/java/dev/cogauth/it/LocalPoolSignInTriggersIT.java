package dev.cogauth.it;

import static dev.cogauth.it.SignIns.signedInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.PoolFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sign-in path's triggers (Pre Authentication, Post Authentication, Pre Token Generation), one
 * of each kind run by the pool's Node.js worker and one by a Lambda Invoke endpoint, while
 * {@code cogauth signin} (a process) signs in.
 */
class LocalPoolSignInTriggersIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String[] signin(InProcessPool pool, String user) {
        return new String[] {"signin", "--pool-id", pool.definition().poolId(), "--client-id",
                pool.definition().clients().get(0).clientId(), "--endpoint-url", pool.endpoint().toString(),
                "--auth-flow", "USER_PASSWORD_AUTH", "-u", user, "--no-store"};
    }

    private static JsonNode accessClaims(Cogauth.Result run) throws Exception {
        String token = JSON.readTree(run.stdout()).path("AccessToken").asText();
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Test
    void nodeHandlersDenyLogAndChangeTheIdToken() throws Exception {
        RequiredTool.require("node", "the local pool's Node.js triggers");
        try (InProcessPool pool = InProcessPool.start(PoolFile.load(ItResources.path("sign-in-triggers-pool.json")),
                Clock.systemUTC())) {
            Cogauth.Result run = Cogauth.run().answers("Nora-Passw0rd!").exec(signin(pool, "nora"));
            signedInAs(run, "nora");
            JsonNode id = IdToken.claims(run);
            assertEquals("attribute_value", id.path("attribute_key").asText(), run::describe);
            assertEquals("TokenGeneration_Authentication", id.path("source").asText());
            assertTrue(id.path("email").isMissingNode(), "email suppressed");
            assertEquals("[\"group-A\",\"group-B\"]", id.path("cognito:groups").toString());
            assertEquals("[\"group-A\",\"group-B\"]", accessClaims(run).path("cognito:groups").toString());
            pool.log().await(Pattern.compile(Pattern.quote(
                    "[node] post-authentication PostAuthentication_Authentication nora newDeviceUsed=false")),
                    0, Duration.ofSeconds(10));

            Cogauth.Result denied = Cogauth.run().answers("Mallory-Passw0rd!").exec(signin(pool, "mallory"));
            denied.assertExit(3);
            denied.check(denied.errorLines().size() == 1 && denied.errorLines().get(0).contains(
                    "UserLambdaValidationException") && denied.errorLines().get(0).contains(
                    "PreAuthentication failed with error Mallory may not sign in today."), "one line: the denial");
            denied.check(!denied.hasStackTrace(), "no stack trace");
        }
    }

    @Test
    void lambdaFunctionsGetCognitosEventsAndVersion2ChangesBothTokens(@TempDir Path dir) throws Exception {
        try (FakeLambda lambda = FakeLambda.serve(Map.of(
                "PreAuth", event -> event,
                "PostAuth", event -> {
                    if (event.path("userName").asText().equals("mallory")) {
                        throw new IllegalStateException("Audit trail unavailable");
                    }
                    return event;
                },
                "PreToken", LocalPoolSignInTriggersIT::preTokenV2))) {
            String endpoint = lambda.endpoint().toString();
            Path poolFile = Files.writeString(dir.resolve("pool.json"), """
                    {
                      "poolId": "us-east-1_ItLambdaSignIn",
                      "clients": [ { "clientId": "itlambdasignin" } ],
                      "users": [
                        { "username": "lena", "email": "lena@example.com", "password": "Lena-Passw0rd!" },
                        { "username": "mallory", "password": "Mallory-Passw0rd!" }
                      ],
                      "triggers": {
                        "preAuthentication": { "lambda": "%1$s", "function": "PreAuth" },
                        "postAuthentication": { "lambda": "%1$s", "function": "PostAuth" },
                        "preTokenGeneration": { "lambda": "%1$s", "function": "PreToken", "lambdaVersion": "V2_0" }
                      }
                    }
                    """.formatted(endpoint));
            try (InProcessPool pool = InProcessPool.start(PoolFile.load(poolFile), Clock.systemUTC())) {
                Cogauth.Result run = Cogauth.run().answers("Lena-Passw0rd!").exec(signin(pool, "lena"));
                signedInAs(run, "lena");
                assertEquals("gold", IdToken.claims(run).path("tier").asText(), run::describe);
                JsonNode access = accessClaims(run);
                assertEquals("acme", access.path("tenant").asText());
                assertEquals("aws.cognito.signin.user.admin orders/read", access.path("scope").asText());

                List<JsonNode> events = lambda.events();
                assertEquals(List.of("PreAuthentication_Authentication", "PostAuthentication_Authentication",
                                "TokenGeneration_Authentication"),
                        events.stream().map(e -> e.path("triggerSource").asText()).toList(), events::toString);
                for (JsonNode event : events) {
                    assertEquals("us-east-1_ItLambdaSignIn", event.path("userPoolId").asText());
                    assertEquals("itlambdasignin", event.path("callerContext").path("clientId").asText());
                    assertEquals("lena@example.com", event.path("request").path("userAttributes").path("email").asText());
                    assertFalse(event.toString().contains("Lena-Passw0rd!"), "no trigger sees the password");
                }
                assertEquals("2", events.get(2).path("version").asText());
                assertEquals("[\"aws.cognito.signin.user.admin\"]", events.get(2).path("request").path("scopes").toString());

                Cogauth.Result failed = Cogauth.run().answers("Mallory-Passw0rd!").exec(signin(pool, "mallory"));
                failed.assertExit(3);
                failed.check(failed.errorLines().size() == 1 && failed.errorLines().get(0).contains(
                        "PostAuthentication failed with error"), "one line: the Post Authentication failure");
            }
        }
    }

    private static ObjectNode preTokenV2(ObjectNode event) {
        ObjectNode details = event.putObject("response").putObject("claimsAndScopeOverrideDetails");
        details.putObject("idTokenGeneration").putObject("claimsToAddOrOverride").put("tier", "gold");
        ObjectNode access = details.putObject("accessTokenGeneration");
        access.putObject("claimsToAddOrOverride").put("tenant", "acme");
        access.putArray("scopesToAdd").add("orders/read");
        return event;
    }
}
