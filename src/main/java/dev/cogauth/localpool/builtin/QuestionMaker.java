package dev.cogauth.localpool.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Create for {@code demo-question}: always the same question, its answer kept private. */
final class QuestionMaker implements BuiltinTriggers.ChallengeMaker {

    private final String question;
    private final String answer;

    QuestionMaker(String question, String answer) {
        this.question = question;
        this.answer = answer;
    }

    @Override
    public void create(ObjectNode event) {
        ObjectNode response = event.putObject("response");
        response.putObject("publicChallengeParameters").put("question", question);
        response.putObject("privateChallengeParameters").put("answer", answer);
        response.put("challengeMetadata", "DEMO_QUESTION");
    }
}
