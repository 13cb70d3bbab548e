package dev.cogauth.localpool.trigger;

import static dev.cogauth.localpool.trigger.TriggerEvents.create;
import static dev.cogauth.localpool.trigger.TriggerEvents.define;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sample triggers in config-samples/triggers, run through the Node.js host with Cognito-shaped events. */
class ConfigSampleTriggersTest {

    private static final Path SAMPLES = Path.of("config-samples", "triggers");
    private static final Pattern QUESTION = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");

    private static NodeTriggerHost host;

    @BeforeAll
    static void startHost() {
        host = NodeTriggerHost.start(Duration.ofSeconds(60), line -> { });  // generous: the first call starts node
    }

    @BeforeEach
    void requireNode() {
        // Per test, not in @BeforeAll: a skipped @BeforeAll shows up as no tests at all.
        NodeRequirement.assumeNodeOnPath();
    }

    @AfterAll
    static void closeHost() {
        if (host != null) {
            host.close();
        }
    }

    private static JsonNode run(String sample, ObjectNode event) throws TriggerException {
        return host.handler(SAMPLES.resolve(sample), "handler").invoke(event).path("response");
    }

    @Nested
    class ThePasswordlessDefineTrigger {

        @ParameterizedTest(name = "[{index}] session {0} → {1}")
        @CsvSource(delimiter = '|', value = {
            // the passwordless start: SRP_A alone asks a custom challenge, no PASSWORD_VERIFIER
            "SRP_A:true                          | CUSTOM_CHALLENGE",
            // one correct custom answer signs in
            "SRP_A:true,CUSTOM_CHALLENGE:true    | tokens",
            // a wrong answer ends the sign-in, as does anything the seed does not expect
            "SRP_A:true,CUSTOM_CHALLENGE:false   | fail",
            "SRP_A:true,PASSWORD_VERIFIER:true   | fail",
            "CUSTOM_CHALLENGE:true               | fail",
            "SRP_A:true,CUSTOM_CHALLENGE:true,CUSTOM_CHALLENGE:true | fail",
        })
        void decidesFromTheSession(String session, String decision) throws TriggerException {
            JsonNode response = run("define-passwordless.js", define(session.split(",")));

            assertAll(
                    () -> assertEquals(decision.equals("tokens"), response.path("issueTokens").asBoolean(), response::toString),
                    () -> assertEquals(decision.equals("fail"), response.path("failAuthentication").asBoolean(), response::toString),
                    () -> assertEquals(decision.equals("CUSTOM_CHALLENGE") ? "CUSTOM_CHALLENGE" : "",
                            response.path("challengeName").asText(), response::toString));
        }

        @Test
        void failsAnEmptySession() throws TriggerException {
            assertTrue(run("define-passwordless.js", define()).path("failAuthentication").asBoolean());
        }
    }

    @Nested
    class TheCreateTrigger {

        @Test
        void asksAQuestionWhoseAnswerStaysPrivate() throws TriggerException {
            JsonNode response = run("create-code.js", create("CUSTOM_CHALLENGE"));

            Matcher question = QUESTION.matcher(response.at("/publicChallengeParameters/question").asText());
            assertTrue(question.matches(), response::toString);
            int sum = Integer.parseInt(question.group(1)) + Integer.parseInt(question.group(2));
            assertAll(
                    () -> assertEquals(String.valueOf(sum), response.at("/privateChallengeParameters/answer").asText()),
                    () -> assertEquals(1, response.path("publicChallengeParameters").size(), "only the question is public"),
                    () -> assertEquals("ARITHMETIC_QUESTION", response.path("challengeMetadata").asText()));
        }

        @Test
        void asksADifferentQuestionEachTime() throws TriggerException {
            Set<String> questions = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                questions.add(run("create-code.js", create("CUSTOM_CHALLENGE")).at("/publicChallengeParameters/question").asText());
            }
            assertTrue(questions.size() > 1, () -> "always " + questions);
        }

        @Test
        void leavesOtherChallengesAlone() throws TriggerException {
            assertFalse(run("create-code.js", create("PASSWORD_VERIFIER")).has("publicChallengeParameters"));
        }
    }

    @Nested
    class TheVerifyTrigger {

        @ParameterizedTest(name = "[{index}] answer \"{0}\" for \"{1}\" → {2}")
        @CsvSource({
            "42,     42, true",
            "' 42 ', 42, true",
            "41,     42, false",
            "'',     42, false",
            "'',     '', false",
        })
        void comparesTheAnswerWithThePrivateOne(String answer, String expected, boolean correct) throws TriggerException {
            JsonNode response = run("verify-code.js", TriggerEvents.verify(answer, expected));

            assertEquals(correct, response.path("answerCorrect").asBoolean(!correct), response::toString);
        }
    }

    @Test
    void createAndVerifyAgreeOnARoundTrip() throws TriggerException {
        JsonNode challenge = run("create-code.js", create("CUSTOM_CHALLENGE"));
        Matcher question = QUESTION.matcher(challenge.at("/publicChallengeParameters/question").asText());
        assertTrue(question.matches(), challenge::toString);
        String answer = String.valueOf(Integer.parseInt(question.group(1)) + Integer.parseInt(question.group(2)));
        String expected = challenge.at("/privateChallengeParameters/answer").asText();

        JsonNode right = run("verify-code.js", TriggerEvents.verify(answer, expected));
        JsonNode wrong = run("verify-code.js", TriggerEvents.verify(answer + "0", expected));

        assertTrue(right.path("answerCorrect").asBoolean());
        assertNotEquals(right.path("answerCorrect"), wrong.path("answerCorrect"));
    }
}
