package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;
import dev.cogauth.srp.SrpException;
import dev.cogauth.srp.SrpTimestamp;
import java.util.Map;

/** PASSWORD_VERIFIER: proves the password by SRP; the password is asked for only now. */
final class PasswordVerifierHandler implements ChallengeHandler {

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        if (exchange.srp == null) {
            throw new UnsupportedChallengeException(
                    "the pool asked for PASSWORD_VERIFIER but this flow did not start with SRP");
        }
        Map<String, String> p = challenge.challengeParameters();
        String userId = require(p, Param.USER_ID_FOR_SRP);
        String timestamp = SrpTimestamp.now(exchange.clock);
        String signature;
        try {
            signature = exchange.srp.passwordClaimSignature(exchange.settings.poolName(), userId, exchange.password(),
                    require(p, Param.SALT), require(p, Param.SRP_B), require(p, Param.SECRET_BLOCK), timestamp);
        } catch (SrpException e) {
            throw new UnsupportedChallengeException("the pool's PASSWORD_VERIFIER is invalid: " + e.getMessage());
        }
        Map<String, String> responses = exchange.responsesFor(userId);
        responses.put(Param.PASSWORD_CLAIM_SECRET_BLOCK, p.get(Param.SECRET_BLOCK));
        responses.put(Param.PASSWORD_CLAIM_SIGNATURE, signature);
        responses.put(Param.TIMESTAMP, timestamp);
        return exchange.respond(ChallengeName.PASSWORD_VERIFIER, responses, challenge.session());
    }

    private static String require(Map<String, String> parameters, String key) {
        String value = parameters.get(key);
        if (value == null || value.isEmpty()) {
            throw new UnsupportedChallengeException("the pool's PASSWORD_VERIFIER challenge has no " + key);
        }
        return value;
    }
}
