package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.protocol.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CUSTOM_CHALLENGE: shows what the Create trigger made public and sends the user's answer.
 * A wrong answer simply comes back as another CUSTOM_CHALLENGE with a new session.
 */
final class CustomChallengeHandler implements ChallengeHandler {
    /** Parameter names that triggers commonly use for the text of the question itself. */
    private static final List<String> QUESTION_KEYS = List.of("question", "prompt", "challenge", "message", "text");

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        int round = exchange.nextCustomRound();
        Map<String, String> parameters = challenge.challengeParameters();
        String questionKey = questionKey(parameters);
        List<String> details = new ArrayList<>();
        parameters.entrySet().stream()
                .filter(e -> !e.getKey().equals(Param.USERNAME) && !e.getKey().equals(questionKey))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> details.add(e.getKey() + ": " + e.getValue()));
        String label = questionKey == null ? "Answer" : parameters.get(questionKey);
        String answer = exchange.ask(new Prompt(PromptKind.ANSWER, label, details, round, false), challenge);

        Map<String, String> responses = exchange.responsesFor(exchange.username());
        responses.put(Param.ANSWER, answer);
        try {
            return exchange.respond(ChallengeName.CUSTOM_CHALLENGE, responses, challenge.session());
        } catch (CognitoServiceException e) {
            if (!ErrorType.NOT_AUTHORIZED.equals(e.errorType())) {
                throw e;
            }
            throw new RefusedAfterAnswersException(round, e);
        }
    }

    private static String questionKey(Map<String, String> parameters) {
        for (String key : QUESTION_KEYS) {
            for (String present : parameters.keySet()) {
                if (present.equalsIgnoreCase(key)) {
                    return present;
                }
            }
        }
        return null;
    }
}
