package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.CodeAnswer;
import dev.cogauth.protocol.ErrorType;

/**
 * A code challenge: MFA after a password, or a code sent as the first factor (then, as in
 * Cognito, no MFA follows: passwordless sign-in and MFA exclude each other). A wrong code may
 * be typed again with the same Session, a few times.
 */
abstract class CodeHandler implements ChallengeHandler {
    /** Wrong tries one code challenge allows; the last wrong one spends the Session. */
    static final int MAX_WRONG_CODES = 3;

    final PoolServices pool;

    CodeHandler(PoolServices pool) {
        this.pool = pool;
    }

    /** Whether {@code code} is the one this Session's challenge asked for. */
    abstract boolean correct(AuthSession session, String code);

    @Override
    public ObjectNode answer(ChallengeAnswer answer) {
        AuthSession session = answer.session();
        String name = session.challengeName();
        String code = JsonRequest.requiredParameter(answer.responses(), CodeAnswer.keyFor(name).orElseThrow());
        if (!correct(session, code)) {
            AuthSession retry = session.withWrongCode();
            boolean spent = retry.wrongCodes() >= MAX_WRONG_CODES;
            if (!spent) {
                pool.sessions().restore(answer.token(), retry);
            }
            pool.log().step("  " + name + ": wrong code (" + retry.wrongCodes() + " of " + MAX_WRONG_CODES
                    + (spent ? ", session spent)" : ")"));
            throw new CognitoError(ErrorType.CODE_MISMATCH, "Invalid code received for user");
        }
        return pool.steps().signedIn(session.client(), session.user(), session.deviceKey());
    }
}
