package dev.cogauth.it;

import static dev.cogauth.it.SignIns.signedInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.PoolFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triggers over the Lambda Invoke API (what {@code sam local start-lambda} serves): a loopback
 * server in this test runs Define / Create / Verify and records the events the pool sends, so
 * the test sees what trigger code sees, ClientMetadata included.
 */
class LocalPoolLambdaTriggersIT {
    private static final String POOL_ID = "us-east-1_ItLambda";
    private static final String CLIENT_ID = "itlambdaclient";
    private static final String PASSWORD = "Lena-Passw0rd!";

    @TempDir
    static Path dir;

    private static FakeLambda lambda;
    private static InProcessPool pool;

    @BeforeAll
    static void start() throws Exception {
        lambda = FakeLambda.serve(Map.of(
                "Define", LocalPoolLambdaTriggersIT::define,
                "Create", LocalPoolLambdaTriggersIT::create,
                "Verify", LocalPoolLambdaTriggersIT::verify));
        String endpoint = lambda.endpoint().toString();
        Path poolFile = dir.resolve("lambda-pool.json");
        Files.writeString(poolFile, """
                {
                  "poolId": "%s",
                  "clients": [ { "clientId": "%s" } ],
                  "users": [ { "username": "lena", "email": "lena@example.com", "password": "%s" } ],
                  "triggerTimeout": "60s",
                  "triggers": {
                    "define": { "lambda": "%s", "function": "Define" },
                    "create": { "lambda": "%s", "function": "Create" },
                    "verify": { "lambda": "%s", "function": "Verify" }
                  }
                }
                """.formatted(POOL_ID, CLIENT_ID, PASSWORD, endpoint, endpoint, endpoint));
        pool = InProcessPool.start(PoolFile.load(poolFile), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    @BeforeEach
    void forgetEarlierEvents() {
        lambda.forget();
    }

    /** Password first, then one question; one wrong answer fails. */
    private static ObjectNode define(ObjectNode event) {
        JsonNode session = event.path("request").path("session");
        JsonNode last = session.path(session.size() - 1);
        ObjectNode response = event.putObject("response").put("issueTokens", false).put("failAuthentication", false);
        String lastName = last.path("challengeName").asText();
        boolean lastRight = last.path("challengeResult").asBoolean(false);
        if ("SRP_A".equals(lastName)) {
            response.put("challengeName", "PASSWORD_VERIFIER");
        } else if ("PASSWORD_VERIFIER".equals(lastName) && lastRight) {
            response.put("challengeName", "CUSTOM_CHALLENGE");
        } else if ("CUSTOM_CHALLENGE".equals(lastName) && lastRight) {
            response.put("issueTokens", true);
        } else {
            response.put("failAuthentication", true);
        }
        return event;
    }

    /** Asks for the team, and shows the tenant it was given as ClientMetadata. */
    private static ObjectNode create(ObjectNode event) {
        String tenant = event.path("request").path("clientMetadata").path("tenant").asText("none");
        ObjectNode response = event.putObject("response");
        response.putObject("publicChallengeParameters").put("question", "Which team are you on?").put("tenant", tenant);
        response.putObject("privateChallengeParameters").put("answer", "blue");
        response.put("challengeMetadata", "TEAM");
        return event;
    }

    private static ObjectNode verify(ObjectNode event) {
        String answer = event.path("request").path("challengeAnswer").asText();
        if ("boom".equals(answer)) {
            throw new IllegalStateException("Verify is down for maintenance");
        }
        String expected = event.path("request").path("privateChallengeParameters").path("answer").asText();
        event.putObject("response").put("answerCorrect", expected.equals(answer));
        return event;
    }

    private static String[] signin(String... more) {
        List<String> args = new ArrayList<>(List.of("signin", "--pool-id", POOL_ID, "--client-id", CLIENT_ID,
                "--endpoint-url", pool.endpoint().toString(), "--auth-flow", "CUSTOM_WITH_SRP", "-u", "lena"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void signsInThroughTheInvokeApiWithCognitosEventShape() {
        Cogauth.Result run = Cogauth.run().answers(PASSWORD, "blue").exec(signin());

        signedInAs(run, "lena");
        List<JsonNode> events = lambda.events();
        assertEquals(List.of("DefineAuthChallenge_Authentication", "DefineAuthChallenge_Authentication",
                        "CreateAuthChallenge_Authentication", "VerifyAuthChallengeResponse_Authentication",
                        "DefineAuthChallenge_Authentication"),
                events.stream().map(e -> e.path("triggerSource").asText()).toList(), events::toString);
        for (JsonNode event : events) {
            assertEquals("1", event.path("version").asText(), event::toString);
            assertEquals("us-east-1", event.path("region").asText(), event::toString);
            assertEquals(POOL_ID, event.path("userPoolId").asText(), event::toString);
            assertEquals("lena", event.path("userName").asText(), event::toString);
            assertEquals(CLIENT_ID, event.path("callerContext").path("clientId").asText(), event::toString);
            assertEquals("lena@example.com", event.path("request").path("userAttributes").path("email").asText(), event::toString);
        }
        assertEquals("SRP_A", events.get(0).path("request").path("session").path(0).path("challengeName").asText());
        assertEquals("blue", events.get(3).path("request").path("challengeAnswer").asText());
        assertFalse(events.get(3).toString().contains(PASSWORD), "no trigger sees the password");
    }

    /** As in Cognito: InitiateAuth's ClientMetadata never reaches Define; each RespondToAuthChallenge's reaches all three. */
    @Test
    void clientMetadataReachesEveryTriggerButTheFirstDefine() {
        Cogauth.Result run = Cogauth.run().answers(PASSWORD, "blue")
                .exec(signin("--client-metadata", "tenant=acme", "--client-metadata", "source=it"));

        run.assertExit(0);
        run.check(run.stderrLines().contains("  tenant: acme"), "Create saw the metadata and showed it");
        List<JsonNode> events = lambda.events();
        JsonNode first = events.get(0).path("request").path("clientMetadata");
        assertTrue(first.isMissingNode() || first.isNull() || first.isEmpty(), () -> "first Define: " + first);
        for (JsonNode event : events.subList(1, events.size())) {
            JsonNode metadata = event.path("request").path("clientMetadata");
            assertEquals("acme", metadata.path("tenant").asText(), event::toString);
            assertEquals("it", metadata.path("source").asText(), event::toString);
        }
    }

    @Test
    void aFunctionErrorIsUserLambdaValidationException() {
        Cogauth.Result run = Cogauth.run().answers(PASSWORD, "boom").exec(signin());

        run.assertExit(3);
        run.check(run.errorLines().size() == 1 && run.errorLines().get(0).contains("UserLambdaValidationException")
                && run.errorLines().get(0).contains("Verify is down for maintenance"), "one line naming the error and its message");
        run.check(!run.hasStackTrace(), "no stack trace");
    }
}
