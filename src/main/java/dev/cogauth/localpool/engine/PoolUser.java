package dev.cogauth.localpool.engine;

import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.srp.SrpVerifier;
import java.time.Instant;
import java.util.ArrayList;
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
    private volatile Map<String, String> attributes;
    private volatile UserStatus status;
    private volatile boolean enabled = true;
    private volatile Instant created = Instant.EPOCH;
    private volatile Instant modified = Instant.EPOCH;
    private volatile PendingCode confirmationCode;
    private volatile PendingCode resetCode;
    private volatile List<String> groups = List.of();
    private volatile AttributeCode attributeCode;

    /** A code GetUserAttributeVerificationCode / UpdateUserAttributes sent to verify {@code attribute}. */
    record AttributeCode(String attribute, PendingCode code) {
    }
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
        setPassword(newVerifier, UserStatus.CONFIRMED);
    }

    /** A password set by an administrator or a reset: the user's status follows (CONFIRMED, or FORCE_CHANGE_PASSWORD). */
    void setPassword(SrpVerifier newVerifier, UserStatus newStatus) {
        verifier = newVerifier;
        hasPassword = true;
        status = newStatus;
    }

    void setStatus(UserStatus newStatus) {
        status = newStatus;
    }

    /** Replaces attributes ({@code sub} kept); a null value deletes one. Only {@link UserStore#update} calls it, to keep aliases right. */
    void changeAttributes(Map<String, String> changes) {
        Map<String, String> all = new LinkedHashMap<>(attributes);
        changes.forEach((name, value) -> {
            if (!name.equals("sub")) {
                if (value == null) {
                    all.remove(name);
                } else {
                    all.put(name, value);
                }
            }
        });
        attributes = Map.copyOf(all);
    }

    boolean enabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    Instant created() {
        return created;
    }

    Instant modified() {
        return modified;
    }

    /** When the user was created (first stamp) and last changed. */
    void stamp(Instant now) {
        if (created.equals(Instant.EPOCH)) {
            created = now;
        }
        modified = now;
    }

    /** The groups the user is in, in the order added: the tokens' {@code cognito:groups}. */
    List<String> groups() {
        return groups;
    }

    synchronized void joinGroup(String group) {
        if (!groups.contains(group)) {
            List<String> more = new ArrayList<>(groups);
            more.add(group);
            groups = List.copyOf(more);
        }
    }

    synchronized void leaveGroup(String group) {
        groups = groups.stream().filter(name -> !name.equals(group)).toList();
    }

    AttributeCode attributeCode() {
        return attributeCode;
    }

    void setAttributeCode(AttributeCode code) {
        attributeCode = code;
    }

    /** The code ConfirmSignUp expects, or null. */
    PendingCode confirmationCode() {
        return confirmationCode;
    }

    void setConfirmationCode(PendingCode code) {
        confirmationCode = code;
    }

    /** The code ConfirmForgotPassword expects, or null. */
    PendingCode resetCode() {
        return resetCode;
    }

    void setResetCode(PendingCode code) {
        resetCode = code;
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

    /** The SMS MFA setting as given, whether or not the user has a phone number (smsMfa() says whether it applies). */
    boolean smsMfaSetting() {
        return smsMfa;
    }

    boolean emailMfaSetting() {
        return emailMfa;
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
