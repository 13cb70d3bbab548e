package dev.cogauth.localpool.engine;

import dev.cogauth.srp.SrpException;
import dev.cogauth.srp.SrpVerifier;
import java.util.Map;

/**
 * ConfirmDevice, UpdateDeviceStatus and ForgetDevice: a signed-in user (their access token)
 * making a device the pool offered their own, choosing whether it is remembered, or dropping it.
 */
final class DeviceOperations {

    private static final String REMEMBERED = "remembered";
    private static final String NOT_REMEMBERED = "not_remembered";

    private final PoolServices pool;

    DeviceOperations(PoolServices pool) {
        this.pool = pool;
    }

    Operation confirm() {
        return request -> {
            PoolUser user = pool.tokens().accessTokenUser(request.required("AccessToken"), pool.users());
            String key = request.required("DeviceKey");
            SrpVerifier verifier = verifier(request.map("DeviceSecretVerifierConfig"));
            // DeviceName is accepted and not kept: nothing here lists devices.
            PoolDevice device = pool.devices().confirm(user, key, verifier);
            pool.log().step("ConfirmDevice user " + user.username() + " device " + key
                    + (device.remembered() ? " (remembered)" : " (not remembered until UpdateDeviceStatus)"));
            return pool.json().createObjectNode().put("UserConfirmationNecessary", !device.remembered());
        };
    }

    Operation updateStatus() {
        return request -> {
            PoolUser user = pool.tokens().accessTokenUser(request.required("AccessToken"), pool.users());
            String key = request.required("DeviceKey");
            String status = request.optional("DeviceRememberedStatus");
            if (status != null && !status.equals(REMEMBERED) && !status.equals(NOT_REMEMBERED)) {
                throw CognitoError.invalidParameter("1 validation error detected: Value '" + status
                        + "' at 'deviceRememberedStatus' failed to satisfy constraint: Member must satisfy enum value set: ["
                        + REMEMBERED + ", " + NOT_REMEMBERED + "]");
            }
            boolean remembered = REMEMBERED.equals(status);
            pool.devices().remember(user, key, remembered);
            pool.log().step("UpdateDeviceStatus user " + user.username() + " device " + key + " → "
                    + (remembered ? REMEMBERED : NOT_REMEMBERED));
            return pool.json().createObjectNode();
        };
    }

    Operation forget() {
        return request -> {
            PoolUser user = pool.tokens().accessTokenUser(request.required("AccessToken"), pool.users());
            String key = request.required("DeviceKey");
            pool.devices().forget(user, key);
            pool.log().step("ForgetDevice user " + user.username() + " device " + key);
            return pool.json().createObjectNode();
        };
    }

    /** DeviceSecretVerifierConfig {PasswordVerifier, Salt}, both base64, as the client made them. */
    private static SrpVerifier verifier(Map<String, String> config) {
        String salt = config.get("Salt");
        String verifier = config.get("PasswordVerifier");
        if (salt == null || verifier == null) {
            throw CognitoError.invalidParameter("DeviceSecretVerifierConfig needs PasswordVerifier and Salt.");
        }
        try {
            return SrpVerifier.fromBase64(salt, verifier);
        } catch (SrpException e) {
            throw CognitoError.invalidParameter("Invalid DeviceSecretVerifierConfig: " + e.getMessage());
        }
    }
}
