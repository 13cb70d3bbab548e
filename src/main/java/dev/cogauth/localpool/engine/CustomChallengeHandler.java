package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;

/** CUSTOM_CHALLENGE: VerifyAuthChallengeResponse judges the ANSWER, DefineAuthChallenge decides what follows. */
final class CustomChallengeHandler implements ChallengeHandler {
    private final PoolServices pool;

    CustomChallengeHandler(PoolServices pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode answer(ChallengeAnswer answer) {
        AuthSession session = answer.session();
        SignInSteps steps = pool.steps();
        String response = JsonRequest.requiredParameter(answer.responses(), Param.ANSWER);
        boolean correct = steps.triggers().verify(session.user(), answer.client().clientId(),
                session.privateParameters(), response, answer.clientMetadata());
        ArrayNode history = steps.append(session.history(), ChallengeName.CUSTOM_CHALLENGE, correct,
                session.challengeMetadata());
        return steps.customRound(answer.client(), session.user(), history, session.srpA(), answer.clientMetadata(),
                session.deviceKey());
    }
}
