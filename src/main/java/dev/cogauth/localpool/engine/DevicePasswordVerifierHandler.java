package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DEVICE_PASSWORD_VERIFIER: the device's claim, signed with the group key as pool name and the
 * device key as user id; right → the tokens, bound to the device; wrong → NotAuthorizedException.
 */
final class DevicePasswordVerifierHandler implements ChallengeHandler {
    private final PoolServices pool;

    DevicePasswordVerifierHandler(PoolServices pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode answer(ChallengeAnswer answer) {
        AuthSession session = answer.session();
        SrpClaim claim = SrpClaim.of(answer.responses());
        // Forgotten since DEVICE_SRP_AUTH: the device no longer exists.
        PoolDevice device = pool.devices().signingIn(session.user(), session.deviceKey());
        if (!claim.answers(session) || !pool.steps().passwords().verify(device.groupKey(),
                device.key(), session.srp(), claim.timestamp(), claim.signature())) {
            pool.log().step("  device verifier: wrong device password");
            throw CognitoError.incorrectPassword();
        }
        pool.log().step("  device verifier: correct");
        return pool.steps().issueTokens(session.client(), session.user(), device.key());
    }
}
