package dev.cogauth.flow;

import dev.cogauth.protocol.AuthFlow;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a sign-in needs besides the API and the user.
 *
 * @param poolName       the part of the pool id after '_', used by SRP
 * @param presetPassword a password given ahead (COGAUTH_PASSWORD); used only if the pool asks for one
 */
public record SignInSettings(String poolName, String clientId, Optional<String> clientSecret, AuthFlow authFlow,
                             Optional<String> username, Optional<String> presetPassword,
                             Map<String, String> clientMetadata) {

    public SignInSettings {
        clientMetadata = Map.copyOf(clientMetadata);
    }

    @Override
    public String toString() {
        return "SignInSettings[pool=" + poolName + ", client=" + clientId + ", flow=" + authFlow + "]";
    }
}
