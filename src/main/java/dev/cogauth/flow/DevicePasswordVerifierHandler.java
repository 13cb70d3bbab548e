package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;

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
        return PasswordClaim.answer(challenge, exchange, exchange.deviceSrp, device.deviceGroupKey(), device.deviceKey(),
                device.devicePassword(), exchange.username());
    }
}
