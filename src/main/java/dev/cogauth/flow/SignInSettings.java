package dev.cogauth.flow;

import dev.cogauth.protocol.AuthFlow;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a sign-in needs besides the API and the user.
 *
 * @param poolName           the part of the pool id after '_', used by SRP
 * @param presetPassword     a password given ahead (COGAUTH_PASSWORD); used only if the pool asks for one
 * @param device             a device the pool remembers: DEVICE_KEY goes with every call
 * @param preferredChallenge for USER_AUTH, the first factor to ask for (PREFERRED_CHALLENGE)
 * @param totpSecret         a base32 authenticator secret (COGAUTH_TOTP_SECRET): SOFTWARE_TOKEN_MFA codes
 *                           are computed from it instead of asked for
 */
public record SignInSettings(String poolName, String clientId, Optional<String> clientSecret, AuthFlow authFlow,
                             Optional<String> username, Optional<String> presetPassword,
                             Map<String, String> clientMetadata, Optional<RememberedDevice> device,
                             Optional<String> preferredChallenge, Optional<String> totpSecret) {

    public SignInSettings {
        clientMetadata = Map.copyOf(clientMetadata);
        device = device == null ? Optional.empty() : device;
        preferredChallenge = preferredChallenge == null ? Optional.empty() : preferredChallenge;
        totpSecret = totpSecret == null ? Optional.empty() : totpSecret;
    }

    /** Settings with a remembered device, no factor preference and no TOTP secret. */
    public SignInSettings(String poolName, String clientId, Optional<String> clientSecret, AuthFlow authFlow,
                          Optional<String> username, Optional<String> presetPassword,
                          Map<String, String> clientMetadata, Optional<RememberedDevice> device) {
        this(poolName, clientId, clientSecret, authFlow, username, presetPassword, clientMetadata, device,
                Optional.empty(), Optional.empty());
    }

    /** Settings without a remembered device. */
    public SignInSettings(String poolName, String clientId, Optional<String> clientSecret, AuthFlow authFlow,
                          Optional<String> username, Optional<String> presetPassword,
                          Map<String, String> clientMetadata) {
        this(poolName, clientId, clientSecret, authFlow, username, presetPassword, clientMetadata, Optional.empty());
    }

    /** The same settings with a first-factor preference and a TOTP secret, either possibly empty. */
    public SignInSettings withFactors(Optional<String> preferred, Optional<String> secret) {
        return new SignInSettings(poolName, clientId, clientSecret, authFlow, username, presetPassword, clientMetadata,
                device, preferred, secret);
    }

    /** The same settings without the device, for a retry after the pool forgot it. */
    public SignInSettings withoutDevice() {
        return new SignInSettings(poolName, clientId, clientSecret, authFlow, username, presetPassword, clientMetadata,
                Optional.empty(), preferredChallenge, totpSecret);
    }

    @Override
    public String toString() {
        return "SignInSettings[pool=" + poolName + ", client=" + clientId + ", flow=" + authFlow + "]";
    }
}
