package dev.cogauth.tokens;

import java.util.Objects;

/** A remembered device: its key and group key from Cognito and the password we made for it. */
public record DeviceSecret(String deviceKey, String deviceGroupKey, String devicePassword) {

    public DeviceSecret {
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(deviceGroupKey, "deviceGroupKey");
        Objects.requireNonNull(devicePassword, "devicePassword");
    }

    @Override
    public String toString() {
        return "DeviceSecret[deviceKey=" + deviceKey + "]";
    }
}
