package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.Param;

/** NEW_PASSWORD_REQUIRED: the new password, held to the pool's policy, replaces the temporary one; then MFA. */
final class NewPasswordHandler implements ChallengeHandler {
    private final PoolServices pool;
    private final PasswordPolicy policy;

    NewPasswordHandler(PoolServices pool, PasswordPolicy policy) {
        this.pool = pool;
        this.policy = policy;
    }

    @Override
    public ObjectNode answer(ChallengeAnswer answer) {
        PoolUser user = answer.session().user();
        String password = JsonRequest.requiredParameter(answer.responses(), Param.NEW_PASSWORD);
        policy.check(password);
        user.changePassword(pool.steps().passwords().verifier(user.username(), password));
        pool.log().step("  password changed for " + user.username());
        return pool.steps().mfa(answer.client(), user, answer.session().deviceKey());
    }
}
