package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.protocol.Param;

/** PASSWORD_VERIFIER: proves the password by SRP; the password is asked for only now. */
final class PasswordVerifierHandler implements ChallengeHandler {

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        if (exchange.srp == null) {
            throw new UnsupportedChallengeException(
                    "the pool asked for PASSWORD_VERIFIER but this flow did not start with SRP");
        }
        // An alias sign-in proves the password under the pool's internal name, and answers as it.
        String userId = PasswordClaim.require(challenge, Param.USER_ID_FOR_SRP);
        return PasswordClaim.answer(challenge, exchange, exchange.srp, exchange.settings.poolName(), userId,
                exchange.password(), userId);
    }
}
