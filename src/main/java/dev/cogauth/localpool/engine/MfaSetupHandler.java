package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** MFA_SETUP: once VerifySoftwareToken took a code for this Session's new secret, TOTP is on and the tokens come. */
final class MfaSetupHandler implements ChallengeHandler {
    private final PoolServices pool;

    MfaSetupHandler(PoolServices pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode answer(ChallengeAnswer answer) {
        AuthSession session = answer.session();
        if (!session.totpVerified()) {
            throw CognitoError.invalidParameter("Software token MFA has not been verified for this session.");
        }
        session.user().enableTotp(session.pendingTotpSecret());
        pool.log().step("  software token MFA enabled for " + session.user().username());
        return pool.steps().signedIn(answer.client(), session.user(), session.deviceKey());
    }
}
