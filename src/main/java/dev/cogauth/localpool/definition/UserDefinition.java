package dev.cogauth.localpool.definition;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One user as the pool file gives it. The password is only held until the pool turns it
 * into an SRP verifier; {@link #toString} never shows it.
 *
 * @param password   null for a user who signs in without one (choice-based sign-in with a code or passkey)
 * @param attributes every other attribute, e.g. {@code email}, {@code phone_number}, {@code custom:team}
 * @param passkeys   credential ids (base64url) of the user's registered passkeys
 */
public record UserDefinition(String username, String password, UserStatus status, MfaSettings mfa,
                             Map<String, String> attributes, List<String> passkeys) {

    public enum UserStatus { CONFIRMED, FORCE_CHANGE_PASSWORD, UNCONFIRMED, RESET_REQUIRED }

    /**
     * The MFA a user has set up. {@code preferred} is one of SMS_MFA, EMAIL_OTP,
     * SOFTWARE_TOKEN_MFA or null.
     */
    public record MfaSettings(boolean sms, boolean email, String totpSecret, String preferred) {
        public static final MfaSettings NONE = new MfaSettings(false, false, null, null);

        @Override
        public String toString() {
            return "MfaSettings[sms=" + sms + ", email=" + email + ", totp=" + (totpSecret != null)
                    + ", preferred=" + preferred + "]";
        }
    }

    public UserDefinition {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mfa, "mfa");
        attributes = Map.copyOf(attributes);
        passkeys = List.copyOf(passkeys);
    }

    /** A user without passkeys. */
    public UserDefinition(String username, String password, UserStatus status, MfaSettings mfa,
                          Map<String, String> attributes) {
        this(username, password, status, mfa, attributes, List.of());
    }

    @Override
    public String toString() {
        return "UserDefinition[" + username + ", " + status + ", " + mfa + ", " + attributes.keySet()
                + (password == null ? ", no password" : "") + ", passkeys " + passkeys.size() + "]";
    }
}
