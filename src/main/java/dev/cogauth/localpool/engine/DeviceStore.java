package dev.cogauth.localpool.engine;

import dev.cogauth.localpool.definition.PoolDefinition.DeviceTracking;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.srp.SrpVerifier;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The pool's devices by key, as Cognito's device tracking keeps them: offered with new tokens,
 * confirmed (and maybe remembered) by their user, forgotten on request. A device is found only
 * for its own user; for anyone else it does not exist. At most {@link #CAPACITY} are kept: when
 * full, the devices offered and never confirmed go.
 */
final class DeviceStore {

    private static final String GROUP_KEY_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int GROUP_KEY_LENGTH = 9;
    /** Devices kept at once; every sign-in with tracking on is offered one. */
    static final int CAPACITY = 10_000;

    private final DeviceTracking tracking;
    private final String region;
    private final SecureRandom random;
    private final Map<String, PoolDevice> devices = new ConcurrentHashMap<>();

    DeviceStore(DeviceTracking tracking, String region, SecureRandom random) {
        this.tracking = tracking;
        this.region = region;
        this.random = random;
    }

    /** Whether sign-ins get NewDeviceMetadata and DEVICE_KEY means anything; when off, it is ignored. */
    boolean tracking() {
        return tracking != DeviceTracking.OFF;
    }

    /** A new device for the tokens of a sign-in that named none: key {@code <region>_<uuid>}, group key {@code -<random>}. */
    PoolDevice offer(PoolUser user) {
        StringBuilder groupKey = new StringBuilder("-");
        for (int i = 0; i < GROUP_KEY_LENGTH; i++) {
            groupKey.append(GROUP_KEY_CHARACTERS.charAt(random.nextInt(GROUP_KEY_CHARACTERS.length())));
        }
        PoolDevice device = PoolDevice.offered(region + "_" + UUID.randomUUID(), groupKey.toString(), user);
        synchronized (this) {
            if (devices.size() >= CAPACITY) {
                // Offered but never confirmed: a device only its own sign-in's tokens name, and those cannot refresh.
                devices.values().removeIf(offered -> !offered.confirmed());
                if (devices.size() >= CAPACITY) {
                    throw new CognitoError(ErrorType.TOO_MANY_REQUESTS, "Rate exceeded");
                }
            }
            devices.put(device.key(), device);
        }
        return device;
    }

    /**
     * ConfirmDevice: registers the device's verifier; remembered at once unless the pool waits
     * for the user's say (user-opt-in).
     *
     * @return the confirmed device
     */
    PoolDevice confirm(PoolUser user, String key, SrpVerifier verifier) {
        return change(user, key, device -> device.confirmedWith(verifier, tracking == DeviceTracking.ALWAYS));
    }

    /** UpdateDeviceStatus: remembered or not; only a confirmed device has a status to change. */
    void remember(PoolUser user, String key, boolean remembered) {
        change(user, key, device -> {
            if (!device.confirmed()) {
                throw missing();
            }
            return device.rememberedAs(remembered);
        });
    }

    /** ForgetDevice: the device is gone, and with it the refresh tokens issued to it. */
    void forget(PoolUser user, String key) {
        boolean[] forgotten = {false};
        devices.computeIfPresent(key, (k, device) -> {
            if (device.user() != user) {
                return device;
            }
            forgotten[0] = true;
            return null;
        });
        if (!forgotten[0]) {
            throw missing();
        }
    }

    /** The confirmed device a sign-in names with DEVICE_KEY; Cognito's ResourceNotFoundException otherwise. */
    PoolDevice signingIn(PoolUser user, String key) {
        PoolDevice device = devices.get(key);
        if (device == null || device.user() != user || !device.confirmed()) {
            throw missing();
        }
        return device;
    }

    /**
     * Whether a refresh token issued to {@code boundKey} may be used with the DEVICE_KEY given:
     * only with its device's key, and only once that device is confirmed, as Cognito refuses a
     * refresh of tokens issued to a device never confirmed; once it is forgotten, never.
     */
    boolean refreshAllowed(String boundKey, String givenKey) {
        if (boundKey == null) {
            return true;
        }
        PoolDevice device = devices.get(boundKey);
        return device != null && device.confirmed() && boundKey.equals(givenKey);
    }

    private PoolDevice change(PoolUser user, String key, UnaryOperator<PoolDevice> change) {
        PoolDevice changed = devices.computeIfPresent(key, (k, device) -> device.user() == user ? change.apply(device) : device);
        if (changed == null || changed.user() != user) {
            throw missing();
        }
        return changed;
    }

    private static CognitoError missing() {
        return new CognitoError(ErrorType.RESOURCE_NOT_FOUND, "Device does not exist.");
    }
}
