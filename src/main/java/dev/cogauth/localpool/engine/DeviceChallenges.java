package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A remembered device proving itself before the tokens: DEVICE_SRP_AUTH brings the device's
 * SRP_A, the pool answers DEVICE_PASSWORD_VERIFIER from the verifier ConfirmDevice registered,
 * and the client's claim, signed with the group key as pool name and the device key as user id,
 * earns the tokens.
 */
final class DeviceChallenges {

    private final PoolServices pool;

    DeviceChallenges(PoolServices pool) {
        this.pool = pool;
    }

    /** DEVICE_SRP_AUTH's answer (USERNAME, DEVICE_KEY, SRP_A) → DEVICE_PASSWORD_VERIFIER. */
    ObjectNode srpAuth(AuthSession session, Map<String, String> responses) {
        String srpA = InitiateAuth.srpA(responses, true);
        PoolDevice device = pool.devices().signingIn(session.user(), session.deviceKey());
        SrpPasswords.SrpChallenge srp = pool.steps().passwords().challenge(device.verifier(), srpA);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Param.SRP_B, srp.server().publicKeyHex());
        parameters.put(Param.SALT, srp.saltHex());
        parameters.put(Param.SECRET_BLOCK, srp.secretBlock());
        parameters.put(Param.DEVICE_KEY, device.key());
        parameters.put(Param.USERNAME, session.user().username());
        AuthSession next = AuthSession.asking(session.client(), session.user(), ChallengeName.DEVICE_PASSWORD_VERIFIER,
                null, null, device.key()).withSrp(srp);
        return pool.steps().challenge(next, parameters);
    }

    /** DEVICE_PASSWORD_VERIFIER's claim: right → the tokens, bound to the device; wrong → NotAuthorizedException. */
    ObjectNode passwordVerifier(AuthSession session, Map<String, String> responses) {
        String block = JsonRequest.requiredParameter(responses, Param.PASSWORD_CLAIM_SECRET_BLOCK);
        String signature = JsonRequest.requiredParameter(responses, Param.PASSWORD_CLAIM_SIGNATURE);
        String timestamp = JsonRequest.requiredParameter(responses, Param.TIMESTAMP);
        // Forgotten since DEVICE_SRP_AUTH: the device no longer exists.
        PoolDevice device = pool.devices().signingIn(session.user(), session.deviceKey());
        if (!block.equals(session.srp().secretBlock()) || !pool.steps().passwords().verify(device.groupKey(),
                device.key(), session.srp(), timestamp, signature)) {
            pool.log().step("  device verifier: wrong device password");
            throw CognitoError.incorrectPassword();
        }
        pool.log().step("  device verifier: correct");
        return pool.steps().issueTokens(session.client(), session.user(), device.key());
    }
}
