package dev.cogauth.localpool.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.localpool.trigger.TriggerException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;

/**
 * cogauth's own custom-auth flows, each usable as Define, Create and Verify (the event's
 * {@code triggerSource} says which):
 * <ul>
 * <li>{@code demo-question}: options {@code question}, {@code answer} (Create), {@code maxTries},
 *     {@code passwordFirst} (Define);</li>
 * <li>{@code email-code}: a six-digit code "emailed" by printing it to the pool's console;
 *     options {@code maxTries}, {@code passwordFirst}.</li>
 * </ul>
 */
public final class BuiltinTriggers {

    public static final Set<String> NAMES = Set.of("demo-question", "email-code");
    public static final String DEMO_QUESTION = "What is 6 times 7?";
    public static final String DEMO_ANSWER = "42";

    private BuiltinTriggers() {
    }

    /**
     * @param console where the email-code flow "sends" its codes
     * @throws IllegalArgumentException for an unknown name or a bad option, naming it
     */
    public static Trigger create(String name, ObjectNode options, Consumer<String> console) {
        int maxTries = options.path("maxTries").asInt(3);
        if (maxTries < 1) {
            throw new IllegalArgumentException("maxTries must be at least 1");
        }
        ChallengeDefine define = new ChallengeDefine(options.path("passwordFirst").asBoolean(true), maxTries);
        ChallengeMaker maker = switch (name) {
            case "demo-question" -> new QuestionMaker(options.path("question").asText(DEMO_QUESTION),
                    options.path("answer").asText(DEMO_ANSWER));
            case "email-code" -> new EmailCodeMaker(console);
            default -> throw new IllegalArgumentException("unknown built-in trigger '" + name + "' (known: " + NAMES + ")");
        };
        return event -> {
            String source = event.path("triggerSource").asText();
            if (source.startsWith("DefineAuthChallenge")) {
                define.decide(event);
            } else if (source.startsWith("CreateAuthChallenge")) {
                maker.create(event);
            } else if (source.startsWith("VerifyAuthChallengeResponse")) {
                verify(event);
            } else {
                throw new TriggerException(TriggerException.Kind.HANDLER_ERROR, "unexpected triggerSource " + source);
            }
            return event;
        };
    }

    /** Verify for every built-in flow: the answer must equal the private {@code answer}, spaces aside. */
    private static void verify(ObjectNode event) {
        JsonNode request = event.path("request");
        String expected = request.path("privateChallengeParameters").path("answer").asText("");
        String given = request.path("challengeAnswer").asText("").trim();
        boolean correct = !expected.isEmpty() && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
        event.putObject("response").put("answerCorrect", correct);
    }

    /** The Create step of one built-in flow. */
    interface ChallengeMaker {
        void create(ObjectNode event);
    }
}
