package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.Param;

/** WEB_AUTHN: a passkey's assertion, always refused. */
final class PasskeyHandler implements ChallengeHandler {
    private final PoolServices pool;

    PasskeyHandler(PoolServices pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode answer(ChallengeAnswer answer) {
        JsonRequest.requiredParameter(answer.responses(), Param.CREDENTIAL);
        // Verifying an assertion needs the passkey's public key, which the pool file does not hold.
        pool.log().step("  passkey assertion refused: the local pool does not verify passkeys");
        throw CognitoError.incorrectPassword();
    }
}
