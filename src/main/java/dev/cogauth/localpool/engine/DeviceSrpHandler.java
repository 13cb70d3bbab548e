package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DEVICE_SRP_AUTH: a remembered device proving itself before the tokens brings its SRP_A; the
 * pool answers DEVICE_PASSWORD_VERIFIER from the verifier ConfirmDevice registered.
 */
final class DeviceSrpHandler implements ChallengeHandler {
    private final PoolServices pool;

    DeviceSrpHandler(PoolServices pool) {
        this.pool = pool;
    }

    /** USERNAME, DEVICE_KEY, SRP_A → DEVICE_PASSWORD_VERIFIER. */
    @Override
    public ObjectNode answer(ChallengeAnswer answer) {
        AuthSession session = answer.session();
        String srpA = InitiateAuth.srpA(answer.responses(), true);
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
}
