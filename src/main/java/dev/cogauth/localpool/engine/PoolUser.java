package dev.cogauth.localpool.engine;

import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.srp.SrpVerifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user of the running pool. The password exists only as an SRP verifier. Mutable state
 * (status, verifier, MFA) changes during sign-ins, so it is volatile and
 * each field changes alone.
 */
final class PoolUser {
    /** The attribute Cognito keeps a federated user's linked identities in, as a JSON string. */
    static final String IDENTITIES = "identities";

    private final String username;
    private final Map<String, String> attributes;
    private volatile UserStatus status;
    private volatile SrpVerifier verifier;
    private final boolean smsMfa;
    private final boolean emailMfa;
    private volatile String totpSecret;
    private volatile String preferredMfa;
    private volatile String pendingTotpSecret;
    private volatile boolean hasPassword;
    private final List<String> passkeys;

    /**
     * @param hasPassword false for a passwordless user, whose {@code verifier} is of a random
     *                    password nobody knows (so password flows fail as for a wrong password)
     * @param passkeys    credential ids of the user's registered passkeys
     */
    PoolUser(String username, String sub, Map<String, String> attributes, UserStatus status,
             SrpVerifier verifier, boolean hasPassword, boolean smsMfa, boolean emailMfa, String totpSecret,
             String preferredMfa, List<String> passkeys) {
        this.username = username;
        Map<String, String> all = new LinkedHashMap<>();
        all.put("sub", sub);
        all.putAll(attributes);
        this.attributes = Map.copyOf(all);
        this.status = status;
        this.verifier = verifier;
        this.smsMfa = smsMfa;
        this.emailMfa = emailMfa;
        this.totpSecret = totpSecret;
        this.preferredMfa = preferredMfa;
        this.hasPassword = hasPassword;
        this.passkeys = List.copyOf(passkeys);
    }

    String username() {
        return username;
    }

    String sub() {
        return attributes.get("sub");
    }

    /** Every attribute including {@code sub}, as Cognito lists them. */
    Map<String, String> attributes() {
        return attributes;
    }

    UserStatus status() {
        return status;
    }

    SrpVerifier verifier() {
        return verifier;
    }

    void changePassword(SrpVerifier newVerifier) {
        verifier = newVerifier;
        hasPassword = true;
        status = UserStatus.CONFIRMED;
    }

    boolean hasPassword() {
        return hasPassword;
    }

    List<String> passkeys() {
        return passkeys;
    }

    /** What first factors this user can do: a verified email or phone (unless marked unverified), a password, a passkey. */
    FirstFactors.Abilities abilities() {
        return new FirstFactors.Abilities(hasPassword, verified("email"), verified("phone_number"), !passkeys.isEmpty());
    }

    private boolean verified(String attribute) {
        return attributes.containsKey(attribute) && !"false".equals(attributes.get(attribute + "_verified"));
    }

    boolean smsMfa() {
        return smsMfa && attributes.containsKey("phone_number");
    }

    boolean emailMfa() {
        return emailMfa && attributes.containsKey("email");
    }

    String totpSecret() {
        return totpSecret;
    }

    void enableTotp(String secret) {
        totpSecret = secret;
        preferredMfa = ChallengeName.SOFTWARE_TOKEN_MFA;
    }

    /** A secret AssociateSoftwareToken gave out with an access token, until VerifySoftwareToken confirms it. */
    String pendingTotpSecret() {
        return pendingTotpSecret;
    }

    void associateTotp(String secret) {
        pendingTotpSecret = secret;
    }

    String preferredMfa() {
        return preferredMfa;
    }

    @Override
    public String toString() {
        return "PoolUser[" + username + ", " + status + "]";
    }
}
