package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.ChallengeName;

/** PASSWORD_VERIFIER: the SRP claim of the password; then MFA, or in a custom flow the next custom round. */
final class PasswordVerifierHandler implements ChallengeHandler {
    private final PoolServices pool;

    PasswordVerifierHandler(PoolServices pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode answer(ChallengeAnswer answer) {
        AuthSession session = answer.session();
        SrpClaim claim = SrpClaim.of(answer.responses());
        SignInSteps steps = pool.steps();
        PoolUser user = session.user();
        if (!claim.answers(session)
                || !steps.passwords().verify(user, session.srp(), claim.timestamp(), claim.signature())) {
            pool.log().step("  password verifier: wrong password");
            throw CognitoError.incorrectPassword();
        }
        pool.log().step("  password verifier: correct");
        if (session.custom()) {
            ArrayNode history = steps.append(session.history(), ChallengeName.PASSWORD_VERIFIER, true, null);
            return steps.customRound(session.client(), user, history, session.srpA(), answer.clientMetadata(),
                    session.deviceKey());
        }
        return steps.afterPassword(session.client(), user, session.deviceKey());
    }
}
