package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;
import dev.cogauth.srp.SrpException;
import dev.cogauth.srp.SrpTimestamp;
import java.util.Map;

/**
 * DEVICE_PASSWORD_VERIFIER: proves the device password, signed like PASSWORD_VERIFIER with the
 * DeviceGroupKey in place of the pool name and the DeviceKey in place of USER_ID_FOR_SRP.
 */
final class DevicePasswordVerifierHandler implements ChallengeHandler {

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        RememberedDevice device = exchange.settings.device().orElse(null);
        if (device == null || exchange.deviceSrp == null) {
            throw new UnsupportedChallengeException(
                    "the pool asked for DEVICE_PASSWORD_VERIFIER before DEVICE_SRP_AUTH or without a remembered device");
        }
        Map<String, String> p = challenge.challengeParameters();
        String timestamp = SrpTimestamp.now(exchange.clock);
        String signature;
        try {
            signature = exchange.deviceSrp.passwordClaimSignature(device.deviceGroupKey(), device.deviceKey(),
                    device.devicePassword(), require(p, Param.SALT), require(p, Param.SRP_B),
                    require(p, Param.SECRET_BLOCK), timestamp);
        } catch (SrpException e) {
            throw new UnsupportedChallengeException("the pool's DEVICE_PASSWORD_VERIFIER is invalid: " + e.getMessage());
        }
        Map<String, String> responses = exchange.responsesFor(exchange.username());
        responses.put(Param.PASSWORD_CLAIM_SECRET_BLOCK, p.get(Param.SECRET_BLOCK));
        responses.put(Param.PASSWORD_CLAIM_SIGNATURE, signature);
        responses.put(Param.TIMESTAMP, timestamp);
        return exchange.respond(ChallengeName.DEVICE_PASSWORD_VERIFIER, responses, challenge.session());
    }

    private static String require(Map<String, String> parameters, String key) {
        String value = parameters.get(key);
        if (value == null || value.isEmpty()) {
            throw new UnsupportedChallengeException("the pool's DEVICE_PASSWORD_VERIFIER challenge has no " + key);
        }
        return value;
    }
}
