package dev.cogauth.flow;

import dev.cogauth.protocol.AuthFlow;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a sign-in needs besides the API and the user.
 *
 * @param poolName       the part of the pool id after '_', used by SRP
 * @param presetPassword a password given ahead (COGAUTH_PASSWORD); used only if the pool asks for one
 * @param device         a device the pool remembers: DEVICE_KEY goes with every call
 */
public record SignInSettings(String poolName, String clientId, Optional<String> clientSecret, AuthFlow authFlow,
                             Optional<String> username, Optional<String> presetPassword,
                             Map<String, String> clientMetadata, Optional<RememberedDevice> device) {

    public SignInSettings {
        clientMetadata = Map.copyOf(clientMetadata);
        device = device == null ? Optional.empty() : device;
    }

    /** Settings without a remembered device. */
    public SignInSettings(String poolName, String clientId, Optional<String> clientSecret, AuthFlow authFlow,
                          Optional<String> username, Optional<String> presetPassword,
                          Map<String, String> clientMetadata) {
        this(poolName, clientId, clientSecret, authFlow, username, presetPassword, clientMetadata, Optional.empty());
    }

    /** The same settings without the device, for a retry after the pool forgot it. */
    public SignInSettings withoutDevice() {
        return new SignInSettings(poolName, clientId, clientSecret, authFlow, username, presetPassword, clientMetadata);
    }

    @Override
    public String toString() {
        return "SignInSettings[pool=" + poolName + ", client=" + clientId + ", flow=" + authFlow + "]";
    }
}
