package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.protocol.Param;
import dev.cogauth.srp.SrpClient;
import dev.cogauth.srp.SrpException;
import dev.cogauth.srp.SrpTimestamp;
import java.util.Map;

/**
 * The SRP answer shared by PASSWORD_VERIFIER and DEVICE_PASSWORD_VERIFIER: sign the server's
 * secret block with the key both sides derived, and send it back with the timestamp.
 */
final class PasswordClaim {
    private PasswordClaim() {
    }

    /**
     * @param name     the signing name: the pool name, or the DeviceGroupKey
     * @param userId   the signing user: USER_ID_FOR_SRP, or the DeviceKey
     * @param username the USERNAME the response is sent under
     */
    static AuthStep answer(AuthStep challenge, Exchange exchange, SrpClient srp, String name, String userId,
                           String password, String username) {
        Map<String, String> p = challenge.challengeParameters();
        String timestamp = SrpTimestamp.now(exchange.clock);
        String signature;
        try {
            signature = srp.passwordClaimSignature(name, userId, password, require(challenge, Param.SALT),
                    require(challenge, Param.SRP_B), require(challenge, Param.SECRET_BLOCK), timestamp);
        } catch (SrpException e) {
            throw new UnsupportedChallengeException("the pool's " + challenge.challengeName() + " is invalid: "
                    + e.getMessage());
        }
        Map<String, String> responses = exchange.responsesFor(username);
        responses.put(Param.PASSWORD_CLAIM_SECRET_BLOCK, p.get(Param.SECRET_BLOCK));
        responses.put(Param.PASSWORD_CLAIM_SIGNATURE, signature);
        responses.put(Param.TIMESTAMP, timestamp);
        return exchange.respond(challenge.challengeName(), responses, challenge.session());
    }

    /** A challenge parameter the answer cannot do without. */
    static String require(AuthStep challenge, String key) {
        String value = challenge.challengeParameters().get(key);
        if (value == null || value.isEmpty()) {
            throw new UnsupportedChallengeException("the pool's " + challenge.challengeName() + " challenge has no " + key);
        }
        return value;
    }
}
