package dev.cogauth.flow;

import java.util.Objects;

/**
 * A device the pool remembers for this user: its key and group key from NewDeviceMetadata and
 * the random password whose verifier ConfirmDevice registered. The sign-in sends DEVICE_KEY and
 * proves the password when the pool asks (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER).
 */
public record RememberedDevice(String deviceKey, String deviceGroupKey, String devicePassword) {

    public RememberedDevice {
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(deviceGroupKey, "deviceGroupKey");
        Objects.requireNonNull(devicePassword, "devicePassword");
    }

    @Override
    public String toString() {
        return "RememberedDevice[deviceKey=" + deviceKey + "]";
    }
}
