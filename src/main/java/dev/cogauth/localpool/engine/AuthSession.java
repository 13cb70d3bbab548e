package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.engine.SrpPasswords.SrpChallenge;
import java.util.Map;

/**
 * What the pool remembers between two calls of one sign-in: the challenge it asked and what it
 * needs to check the answer. Immutable; every step stores a fresh one under a new Session.
 *
 * @param history     custom flow only: the Define trigger's session entries so far, else null
 * @param srpA        the client's SRP_A from InitiateAuth, should Define ask for PASSWORD_VERIFIER
 * @param srp         the open SRP round, for PASSWORD_VERIFIER and DEVICE_PASSWORD_VERIFIER
 * @param privateParameters the Create trigger's private challenge parameters, for Verify
 * @param expectedCode the code sent for SMS_MFA / EMAIL_OTP
 * @param pendingTotpSecret the secret AssociateSoftwareToken gave out during MFA_SETUP
 * @param deviceKey   the confirmed device the sign-in named with DEVICE_KEY, which must prove itself before tokens; or null
 * @param wrongCodes  how many wrong codes were typed for {@code expectedCode} so far
 */
record AuthSession(ClientDefinition client, PoolUser user, String challengeName, ArrayNode history,
                   String srpA, SrpChallenge srp, String challengeMetadata, Map<String, String> privateParameters,
                   String expectedCode, String pendingTotpSecret, boolean totpVerified, String deviceKey,
                   int wrongCodes) {

    static AuthSession asking(ClientDefinition client, PoolUser user, String challengeName, ArrayNode history,
                              String srpA, String deviceKey) {
        return new AuthSession(client, user, challengeName, history, srpA, null, null, Map.of(), null, null, false,
                deviceKey, 0);
    }

    AuthSession withSrp(SrpChallenge challenge) {
        return new AuthSession(client, user, challengeName, history, srpA, challenge, challengeMetadata, privateParameters,
                expectedCode, pendingTotpSecret, totpVerified, deviceKey, wrongCodes);
    }

    AuthSession withCustomChallenge(String metadata, Map<String, String> privateParams) {
        return new AuthSession(client, user, challengeName, history, srpA, srp, metadata, Map.copyOf(privateParams),
                expectedCode, pendingTotpSecret, totpVerified, deviceKey, wrongCodes);
    }

    AuthSession withCode(String code) {
        return new AuthSession(client, user, challengeName, history, srpA, srp, challengeMetadata, privateParameters,
                code, pendingTotpSecret, totpVerified, deviceKey, wrongCodes);
    }

    AuthSession withPendingTotp(String secret, boolean verified) {
        return new AuthSession(client, user, challengeName, history, srpA, srp, challengeMetadata, privateParameters,
                expectedCode, secret, verified, deviceKey, wrongCodes);
    }

    /** The same session naming {@code key} as its device: a DEVICE_KEY first given in ChallengeResponses. */
    AuthSession withDevice(String key) {
        return new AuthSession(client, user, challengeName, history, srpA, srp, challengeMetadata, privateParameters,
                expectedCode, pendingTotpSecret, totpVerified, key, wrongCodes);
    }

    /** The same session after one more wrong code. */
    AuthSession withWrongCode() {
        return new AuthSession(client, user, challengeName, history, srpA, srp, challengeMetadata, privateParameters,
                expectedCode, pendingTotpSecret, totpVerified, deviceKey, wrongCodes + 1);
    }

    boolean custom() {
        return history != null;
    }

    @Override
    public String toString() {
        return "AuthSession[" + client.clientId() + ", " + user.username() + ", " + challengeName + "]";
    }
}
