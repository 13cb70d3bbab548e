package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.PoolClient.Reply;
import dev.cogauth.localpool.builtin.BuiltinTriggers;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.PoolDefinition.TriggerDefinitions;
import dev.cogauth.localpool.definition.TriggerDefinition;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.localpool.trigger.TriggerException;
import dev.cogauth.srp.SrpClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPoolTriggersTest {

    private static final String CLIENT = TestPools.PUBLIC;
    private static final Trigger DEMO = BuiltinTriggers.create("demo-question",
            JsonNodeFactory.instance.objectNode(), line -> { });

    /** The demo triggers, each event and answer recorded. */
    private static final class Recording implements Trigger {
        final List<ObjectNode> events = new CopyOnWriteArrayList<>();

        @Override
        public ObjectNode invoke(ObjectNode event) throws TriggerException {
            events.add(event.deepCopy());
            return DEMO.invoke(event);
        }

        ObjectNode last(String source) {
            return events.stream().filter(e -> e.path("triggerSource").asText().equals(source))
                    .reduce((first, second) -> second).orElseThrow();
        }
    }

    private static LocalPool.Running serve(Trigger define, Trigger create, Trigger verify) throws IOException {
        return serve(define, create, verify, PoolLog.silent());
    }

    private static LocalPool.Running serve(Trigger define, Trigger create, Trigger verify, PoolLog log) throws IOException {
        TriggerDefinitions triggers = new TriggerDefinitions(new TriggerDefinition.InProcess(define),
                new TriggerDefinition.InProcess(create), new TriggerDefinition.InProcess(verify),
                TriggerDefinitions.DEFAULT_TIMEOUT);
        return LocalPool.builder().definition(TestPools.withUsers(MfaMode.OPTIONAL, triggers))
                .log(log).build().start(0);
    }

    @Nested
    class TheEventsTheTriggersSee {
        @Test
        void haveCognitosShapeAndSessionHistory() throws IOException {
            Recording recording = new Recording();
            try (LocalPool.Running pool = serve(recording, recording, recording)) {
                PoolClient client = new PoolClient(pool, java.time.Clock.systemUTC());
                SrpClient srp = PoolClient.srp();
                Reply verifier = client.initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", TestPools.ALICE_EMAIL,
                        "SRP_A", srp.publicKeyHex(), "CHALLENGE_NAME", "SRP_A")).expectOk();
                ObjectNode first = recording.last("DefineAuthChallenge_Authentication");
                assertEquals("1", first.path("version").asText());
                assertEquals("us-east-1", first.path("region").asText());
                assertEquals(DemoPool.POOL_ID, first.path("userPoolId").asText());
                assertEquals(TestPools.ALICE, first.path("userName").asText());
                assertEquals(CLIENT, first.path("callerContext").path("clientId").asText());
                assertEquals("blue", first.path("request").path("userAttributes").path("custom:team").asText());
                assertTrue(first.path("request").path("userAttributes").has("sub"));
                assertEquals("SRP_A", first.path("request").path("session").path(0).path("challengeName").asText());

                Reply question = client.respond(CLIENT, "PASSWORD_VERIFIER", verifier.session(),
                        client.passwordClaim(srp, verifier, TestPools.PASSWORD)).expectOk();
                client.respond(CLIENT, "CUSTOM_CHALLENGE", question.session(),
                        Map.of("USERNAME", TestPools.ALICE, "ANSWER", "7")).expectOk();
                JsonNode session = recording.last("DefineAuthChallenge_Authentication").path("request").path("session");
                assertEquals(3, session.size(), session::toString);
                assertEquals("PASSWORD_VERIFIER", session.path(1).path("challengeName").asText());
                assertTrue(session.path(1).path("challengeResult").asBoolean());
                assertEquals("CUSTOM_CHALLENGE", session.path(2).path("challengeName").asText());
                assertEquals(false, session.path(2).path("challengeResult").asBoolean());
                assertEquals("DEMO_QUESTION", session.path(2).path("challengeMetadata").asText());
                ObjectNode verify = recording.last("VerifyAuthChallengeResponse_Authentication");
                assertEquals("7", verify.path("request").path("challengeAnswer").asText());
                assertEquals("42", verify.path("request").path("privateChallengeParameters").path("answer").asText());
            }
        }

        @Test
        void getClientMetadataFromRespondButNotFromInitiateAuth() throws IOException {
            Recording recording = new Recording();
            try (LocalPool.Running pool = serve(recording, recording, recording)) {
                PoolClient client = new PoolClient(pool, java.time.Clock.systemUTC());
                Reply question = client.initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", TestPools.ALICE),
                        Map.of("from", "initiate")).expectOk();
                assertEquals(0, recording.last("DefineAuthChallenge_Authentication").path("request")
                        .path("clientMetadata").size());
                assertEquals(0, recording.last("DefineAuthChallenge_Authentication").path("request")
                        .path("session").size(), "custom without SRP: Define sees an empty session");
                client.respond(CLIENT, "CUSTOM_CHALLENGE", question.session(),
                        Map.of("USERNAME", TestPools.ALICE, "ANSWER", "42"), Map.of("from", "respond")).expectOk();
                for (String source : List.of("VerifyAuthChallengeResponse_Authentication", "DefineAuthChallenge_Authentication")) {
                    assertEquals("respond", recording.last(source).path("request").path("clientMetadata").path("from").asText(),
                            source);
                }
            }
        }
    }

    static Stream<Arguments> brokenDefines() {
        return Stream.of(
                Arguments.of("throws", (Trigger) event -> {
                    throw new TriggerException(TriggerException.Kind.HANDLER_ERROR, "boom");
                }, "UserLambdaValidationException", "DefineAuthChallenge failed with error boom."),
                Arguments.of("times out", (Trigger) event -> {
                    throw new TriggerException(TriggerException.Kind.UNAVAILABLE, "Task timed out after 5.00 seconds");
                }, "UnexpectedLambdaException", "DefineAuthChallenge invocation failed due to error Task timed out after 5.00 seconds."),
                Arguments.of("answers a string for a boolean", answering(response -> response.put("issueTokens", "yes")),
                        "InvalidLambdaResponseException", "Unrecognizable lambda output"),
                Arguments.of("asks an unknown challenge", answering(response -> response.put("challengeName", "QUIZ")),
                        "InvalidLambdaResponseException", "Unrecognizable lambda output"),
                Arguments.of("returns no response", (Trigger) event -> JsonNodeFactory.instance.objectNode(),
                        "InvalidLambdaResponseException", "Unrecognizable lambda output"),
                Arguments.of("fails authentication", answering(response -> response.put("failAuthentication", true)),
                        "NotAuthorizedException", "Incorrect username or password."));
    }

    private static Trigger answering(UnaryOperator<ObjectNode> response) {
        return event -> {
            response.apply(event.putObject("response"));
            return event;
        };
    }

    @ParameterizedTest(name = "a Define trigger that {0} gives {2}")
    @MethodSource("brokenDefines")
    void aBrokenDefineGivesCognitosError(String what, Trigger define, String type, String message) throws IOException {
        try (LocalPool.Running pool = serve(define, DEMO, DEMO)) {
            PoolClient client = new PoolClient(pool, java.time.Clock.systemUTC());
            Reply refused = client.initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", TestPools.ALICE)).expectError(type);
            assertEquals(message, refused.message());
            // the pool keeps serving
            assertTrue(client.initiate(CLIENT, "USER_PASSWORD_AUTH",
                    Map.of("USERNAME", TestPools.ALICE, "PASSWORD", TestPools.PASSWORD)).signedIn());
        }
    }

    /** A trigger author reads in the pool's log which value was wrong, not only that one was. */
    @Test
    void aDefineAskingAChallengeThePoolCannotAskIsNamedInTheLog() throws IOException {
        List<String> console = new CopyOnWriteArrayList<>();
        try (LocalPool.Running pool = serve(answering(response -> response.put("challengeName", "CUSTOM")), DEMO, DEMO,
                PoolLog.to(console::add, false))) {
            new PoolClient(pool, java.time.Clock.systemUTC())
                    .initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", TestPools.ALICE))
                    .expectError("InvalidLambdaResponseException");
        }
        assertTrue(console.contains("trigger DefineAuthChallenge answered malformed: challengeName \"CUSTOM\" is none"
                + " the pool can ask: CUSTOM_CHALLENGE or PASSWORD_VERIFIER"), console::toString);
    }

    /** Numbers and booleans are taken as their text, as Cognito takes them; objects, arrays and null are not. */
    @Test
    void aCreateWithNumberOrBooleanParametersGivesThemAsText() throws IOException {
        Trigger scalars = event -> {
            ObjectNode answered = DEMO.invoke(event);
            ((ObjectNode) answered.path("response").path("publicChallengeParameters")).put("tries", 3).put("retry", true);
            return answered;
        };
        try (LocalPool.Running pool = serve(DEMO, scalars, DEMO)) {
            Reply question = new PoolClient(pool, java.time.Clock.systemUTC())
                    .initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", TestPools.ALICE)).expectOk();
            assertEquals("3", question.parameter("tries"));
            assertEquals("true", question.parameter("retry"));
        }
    }

    @ParameterizedTest(name = "a Create answering a parameter {0} is malformed")
    @ValueSource(strings = {"{}", "[1]", "null"})
    void aCreateWithAParameterThatIsNoScalarIsMalformed(String value) throws IOException {
        Trigger badCreate = answering(response -> {
            try {
                response.putObject("publicChallengeParameters").set("hint", PoolClient.JSON.readTree(value));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return response;
        });
        try (LocalPool.Running pool = serve(DEMO, badCreate, DEMO)) {
            new PoolClient(pool, java.time.Clock.systemUTC())
                    .initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", TestPools.ALICE))
                    .expectError("InvalidLambdaResponseException");
        }
    }

    @Test
    void aVerifyWithoutABooleanIsMalformed() throws IOException {
        Trigger badVerify = answering(response -> response.put("answerCorrect", "true"));
        try (LocalPool.Running pool = serve(DEMO, DEMO, badVerify)) {
            PoolClient client = new PoolClient(pool, java.time.Clock.systemUTC());
            Reply question = client.initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", TestPools.ALICE)).expectOk();
            client.respond(CLIENT, "CUSTOM_CHALLENGE", question.session(),
                    Map.of("USERNAME", TestPools.ALICE, "ANSWER", "42")).expectError("InvalidLambdaResponseException");
        }
    }

    @Test
    void aPoolWithoutTriggersRefusesCustomAuth() throws IOException {
        try (LocalPool.Running pool = LocalPool.builder().definition(TestPools.withUsers(MfaMode.OPTIONAL, TriggerDefinitions.none()))
                .log(PoolLog.silent()).build().start(0)) {
            Reply refused = new PoolClient(pool, java.time.Clock.systemUTC())
                    .initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", TestPools.ALICE))
                    .expectError("InvalidParameterException");
            assertEquals("Custom auth lambda trigger is not configured for the user pool.", refused.message());
        }
    }

    @Test
    void thePasswordlessVariantSkipsThePassword() throws IOException {
        ObjectNode options = JsonNodeFactory.instance.objectNode().put("passwordFirst", false);
        Trigger passwordless = BuiltinTriggers.create("demo-question", options, line -> { });
        try (LocalPool.Running pool = serve(passwordless, passwordless, passwordless)) {
            PoolClient client = new PoolClient(pool, java.time.Clock.systemUTC());
            Reply question = client.initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", TestPools.ALICE,
                    "SRP_A", PoolClient.srp().publicKeyHex(), "CHALLENGE_NAME", "SRP_A")).expectOk();
            assertEquals("CUSTOM_CHALLENGE", question.challenge());
            assertTrue(client.respond(CLIENT, "CUSTOM_CHALLENGE", question.session(),
                    Map.of("USERNAME", TestPools.ALICE, "ANSWER", "42")).signedIn());
        }
    }

    @Test
    void theEmailCodeFlowPrintsTheCodeAndAcceptsIt() throws IOException {
        List<String> console = new CopyOnWriteArrayList<>();
        Trigger email = BuiltinTriggers.create("email-code", JsonNodeFactory.instance.objectNode(), console::add);
        try (LocalPool.Running pool = serve(email, email, email)) {
            PoolClient client = new PoolClient(pool, java.time.Clock.systemUTC());
            Reply question = client.initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", TestPools.ALICE)).expectOk();
            assertEquals("a***@example.com", question.parameter("email"));
            String line = console.get(console.size() - 1);
            assertTrue(line.startsWith("Email to alice@example.com"), line);
            String code = line.substring(line.length() - 6);
            assertTrue(client.respond(CLIENT, "CUSTOM_CHALLENGE", question.session(),
                    Map.of("USERNAME", TestPools.ALICE, "ANSWER", code)).signedIn());
        }
    }
}
