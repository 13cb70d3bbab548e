package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.Param;

/** SELECT_MFA_TYPE: the ANSWER names one of the user's MFA methods, whose code challenge follows. */
final class SelectMfaTypeHandler implements ChallengeHandler {
    private final PoolServices pool;

    SelectMfaTypeHandler(PoolServices pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode answer(ChallengeAnswer answer) {
        PoolUser user = answer.session().user();
        String choice = JsonRequest.requiredParameter(answer.responses(), Param.ANSWER);
        if (!SignInSteps.mfaMethods(user).contains(choice)) {
            throw CognitoError.invalidParameter("Invalid MFA type: " + choice);
        }
        return pool.steps().mfaChallenge(answer.client(), user, choice, answer.session().deviceKey());
    }
}
