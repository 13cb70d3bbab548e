package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Choice-based sign-in ({@code USER_AUTH}): the offer of first factors (SELECT_CHALLENGE with
 * AvailableChallenges), the selection, and each factor's first step: the password checked at once
 * (PASSWORD), SRP (PASSWORD_SRP, then PASSWORD_VERIFIER), a code sent by email or SMS (EMAIL_OTP,
 * SMS_OTP), or a passkey's request options (WEB_AUTHN).
 */
final class UserAuthFlow {

    /** Passwordless sign-in codes have eight digits (MFA codes six). */
    static final int FIRST_FACTOR_CODE_DIGITS = 8;
    /** The WebAuthn relying party: Cognito's is the managed-login domain; the local pool's is its host. */
    static final String RELYING_PARTY_ID = "localhost";
    /** How long a browser may take over the passkey (ms), as Cognito's options say. */
    private static final int WEB_AUTHN_TIMEOUT_MS = 180_000;
    private static final List<String> FACTORS = List.of(ChallengeName.PASSWORD, ChallengeName.PASSWORD_SRP,
            ChallengeName.EMAIL_OTP, ChallengeName.SMS_OTP, ChallengeName.WEB_AUTHN);

    private final PoolServices pool;

    UserAuthFlow(PoolServices pool) {
        this.pool = pool;
    }

    /** InitiateAuth USER_AUTH: the preferred factor when this user can do it, else the selection. */
    ObjectNode start(ClientDefinition client, PoolUser user, Map<String, String> parameters, String deviceKey) {
        List<String> available = available(user);
        String preferred = parameters.get(Param.PREFERRED_CHALLENGE);
        if (preferred != null && !preferred.isEmpty()) {
            if (!FACTORS.contains(preferred)) {
                throw CognitoError.invalidParameter("Invalid value for PREFERRED_CHALLENGE: " + preferred
                        + ". Valid values: " + FACTORS + ".");
            }
            if (available.contains(preferred)) {
                return factor(client, user, preferred, parameters, deviceKey);
            }
            pool.log().step("  preferred " + preferred + " is not available to " + user.username() + ": selection");
        }
        if (available.isEmpty()) {
            pool.log().step("  nothing the sign-in policy allows is available to " + user.username());
            throw CognitoError.incorrectPassword();
        }
        pool.log().step("  offered " + available);
        ObjectNode response = pool.steps().challenge(
                AuthSession.asking(client, user, ChallengeName.SELECT_CHALLENGE, null, null, deviceKey), Map.of());
        available.forEach(response.putArray("AvailableChallenges")::add);
        return response;
    }

    /** RespondToAuthChallenge SELECT_CHALLENGE: ANSWER names one offered factor (with PASSWORD or SRP_A where it needs them). */
    ObjectNode select(AuthSession session, Map<String, String> responses) {
        String answer = JsonRequest.requiredParameter(responses, Param.ANSWER);
        if (!available(session.user()).contains(answer)) {
            throw CognitoError.invalidParameter("The challenge " + answer + " is not available for this user.");
        }
        pool.log().step("  selected " + answer);
        return factor(session.client(), session.user(), answer, responses, session.deviceKey());
    }

    /** What this user may start with: the sign-in policy's factors that the user can do. */
    List<String> available(PoolUser user) {
        return FirstFactors.available(pool.signInPolicy().allowedFirstAuthFactors(), user.abilities());
    }

    private ObjectNode factor(ClientDefinition client, PoolUser user, String factor, Map<String, String> parameters,
                              String deviceKey) {
        SignInSteps steps = pool.steps();
        switch (factor) {
            case ChallengeName.PASSWORD -> {
                if (!steps.passwords().matches(user, JsonRequest.requiredParameter(parameters, Param.PASSWORD))) {
                    pool.log().step("  password: wrong");
                    throw CognitoError.incorrectPassword();
                }
                return steps.afterPassword(client, user, deviceKey);
            }
            case ChallengeName.PASSWORD_SRP -> {
                return steps.passwordVerifier(client, user, InitiateAuth.srpA(parameters, true), null, deviceKey);
            }
            case ChallengeName.EMAIL_OTP, ChallengeName.SMS_OTP -> {
                SignInSteps.checkCanSignIn(user);
                return steps.codeChallenge(client, user, factor, FIRST_FACTOR_CODE_DIGITS, deviceKey);
            }
            case ChallengeName.WEB_AUTHN -> {
                SignInSteps.checkCanSignIn(user);
                Map<String, String> challenge = new LinkedHashMap<>();
                challenge.put(Param.CREDENTIAL_REQUEST_OPTIONS, credentialRequestOptions(user).toString());
                challenge.put(Param.USERNAME, user.username());
                return steps.challenge(AuthSession.asking(client, user, ChallengeName.WEB_AUTHN, null, null, deviceKey),
                        challenge);
            }
            default -> throw new IllegalStateException("not a first factor: " + factor);
        }
    }

    /** PublicKeyCredentialRequestOptions as JSON with base64url binary fields, in Cognito's shape. */
    private ObjectNode credentialRequestOptions(PoolUser user) {
        byte[] challenge = new byte[16];
        pool.random().nextBytes(challenge);
        ObjectNode options = pool.json().createObjectNode();
        options.putArray("hints");
        options.put("attestation", "none");
        options.putArray("attestationFormats");
        options.put("challenge", Base64.getUrlEncoder().withoutPadding().encodeToString(challenge));
        options.put("timeout", WEB_AUTHN_TIMEOUT_MS);
        options.put("rpId", RELYING_PARTY_ID);
        user.passkeys().forEach(id -> options.withArray("allowCredentials").addObject()
                .put("id", id).put("type", "public-key"));
        options.put("userVerification", "preferred");
        return options;
    }
}
