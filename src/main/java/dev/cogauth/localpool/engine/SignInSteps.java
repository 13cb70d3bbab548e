package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.localpool.engine.CustomAuthTriggers.Challenge;
import dev.cogauth.localpool.engine.CustomAuthTriggers.Decision;
import dev.cogauth.localpool.engine.SrpPasswords.SrpChallenge;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.protocol.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of a sign-in that several operations share: what comes after a password
 * (new password, MFA, the remembered device's proof, tokens), the custom flow's Define/Create
 * round, and how a challenge or the tokens are answered. {@code deviceKey} throughout is the
 * confirmed device the sign-in named with DEVICE_KEY, or null.
 */
final class SignInSteps {

    /** SMS and email MFA codes have six digits, as Cognito's. */
    static final int MFA_CODE_DIGITS = 6;

    private final ObjectMapper json;
    private final SessionStore sessions;
    private final SrpPasswords passwords;
    private final CustomAuthTriggers triggers;
    private final TokenService tokens;
    private final DeviceStore devices;
    private final MfaMode mfaMode;
    private final CodeSender codes;
    private final PoolLog log;

    SignInSteps(ObjectMapper json, SessionStore sessions, SrpPasswords passwords, CustomAuthTriggers triggers,
                TokenService tokens, DeviceStore devices, MfaMode mfaMode, CodeSender codes, PoolLog log) {
        this.json = json;
        this.sessions = sessions;
        this.passwords = passwords;
        this.triggers = triggers;
        this.tokens = tokens;
        this.devices = devices;
        this.mfaMode = mfaMode;
        this.codes = codes;
        this.log = log;
    }

    SrpPasswords passwords() {
        return passwords;
    }

    CustomAuthTriggers triggers() {
        return triggers;
    }

    /**
     * The device a DEVICE_KEY names for this user: null when none was given or the pool does not
     * track devices (then Cognito ignores it); ResourceNotFoundException when the pool does not know it.
     */
    String device(PoolUser user, String deviceKey) {
        if (deviceKey == null || deviceKey.isEmpty() || !devices.tracking()) {
            return null;
        }
        return devices.signingIn(user, deviceKey).key();
    }

    /** Cognito refuses a user whose status forbids signing in, once the password is known good. */
    static void checkCanSignIn(PoolUser user) {
        if (user.status() == UserStatus.UNCONFIRMED) {
            throw new CognitoError(ErrorType.USER_NOT_CONFIRMED, "User is not confirmed.");
        }
        if (user.status() == UserStatus.RESET_REQUIRED) {
            throw new CognitoError(ErrorType.PASSWORD_RESET_REQUIRED, "Password reset required for the user");
        }
    }

    /** USER_SRP_AUTH's first answer, or a Define trigger's PASSWORD_VERIFIER. */
    ObjectNode passwordVerifier(ClientDefinition client, PoolUser user, String srpA, ArrayNode history,
                                String deviceKey) {
        SrpChallenge srp = passwords.challenge(user, srpA);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Param.SALT, srp.saltHex());
        parameters.put(Param.SECRET_BLOCK, srp.secretBlock());
        parameters.put(Param.SRP_B, srp.server().publicKeyHex());
        parameters.put(Param.USERNAME, user.username());
        parameters.put(Param.USER_ID_FOR_SRP, user.username());
        AuthSession session = AuthSession.asking(client, user, ChallengeName.PASSWORD_VERIFIER, history, srpA, deviceKey)
                .withSrp(srp);
        return challenge(session, parameters);
    }

    /** After a good password: NEW_PASSWORD_REQUIRED for a forced change, then MFA, then tokens. */
    ObjectNode afterPassword(ClientDefinition client, PoolUser user, String deviceKey) {
        checkCanSignIn(user);
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            Map<String, String> visible = new LinkedHashMap<>(user.attributes());
            visible.remove("sub");
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(Param.USER_ID_FOR_SRP, user.username());
            parameters.put(Param.REQUIRED_ATTRIBUTES, "[]");
            parameters.put(Param.USER_ATTRIBUTES, json.valueToTree(visible).toString());
            return challenge(AuthSession.asking(client, user, ChallengeName.NEW_PASSWORD_REQUIRED, null, null,
                    deviceKey), parameters);
        }
        return mfa(client, user, deviceKey);
    }

    /**
     * The MFA step: the user's one method, their preferred one, a choice, a setup, or none. A
     * remembered device skips it, as in Cognito; its proof before the tokens stands in for MFA.
     */
    ObjectNode mfa(ClientDefinition client, PoolUser user, String deviceKey) {
        List<String> methods = mfaMethods(user);
        if (mfaMode == MfaMode.OFF || (methods.isEmpty() && mfaMode == MfaMode.OPTIONAL)) {
            return signedIn(client, user, deviceKey);
        }
        if (deviceKey != null && devices.signingIn(user, deviceKey).remembered()) {
            log.step("  remembered device " + deviceKey + ": no MFA");
            return signedIn(client, user, deviceKey);
        }
        if (methods.isEmpty()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(Param.MFAS_CAN_SETUP, "[\"SOFTWARE_TOKEN_MFA\"]");
            parameters.put(Param.USER_ID_FOR_SRP, user.username());
            return challenge(AuthSession.asking(client, user, ChallengeName.MFA_SETUP, null, null, deviceKey), parameters);
        }
        if (methods.size() == 1 || methods.contains(user.preferredMfa())) {
            return mfaChallenge(client, user, methods.size() == 1 ? methods.get(0) : user.preferredMfa(), deviceKey);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Param.MFAS_CAN_CHOOSE, json.valueToTree(methods).toString());
        parameters.put(Param.USER_ID_FOR_SRP, user.username());
        return challenge(AuthSession.asking(client, user, ChallengeName.SELECT_MFA_TYPE, null, null, deviceKey),
                parameters);
    }

    static List<String> mfaMethods(PoolUser user) {
        List<String> methods = new ArrayList<>();
        if (user.smsMfa()) {
            methods.add(ChallengeName.SMS_MFA);
        }
        if (user.emailMfa()) {
            methods.add(ChallengeName.EMAIL_OTP);
        }
        if (user.totpSecret() != null) {
            methods.add(ChallengeName.SOFTWARE_TOKEN_MFA);
        }
        return methods;
    }

    /** Asks one MFA method; SMS and email codes are six digits, "sent" by {@link CodeSender}. */
    ObjectNode mfaChallenge(ClientDefinition client, PoolUser user, String method, String deviceKey) {
        if (method.equals(ChallengeName.SOFTWARE_TOKEN_MFA)) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(Param.USER_ID_FOR_SRP, user.username());
            return challenge(AuthSession.asking(client, user, method, null, null, deviceKey), parameters);
        }
        return codeChallenge(client, user, method, MFA_CODE_DIGITS, deviceKey);
    }

    /**
     * Sends a code and asks for it: SMS_MFA or EMAIL_OTP after a password, EMAIL_OTP or SMS_OTP as
     * the first factor of choice-based sign-in. The challenge says where the code went, masked.
     */
    ObjectNode codeChallenge(ClientDefinition client, PoolUser user, String challengeName, int digits,
                             String deviceKey) {
        boolean sms = challengeName.equals(ChallengeName.SMS_MFA) || challengeName.equals(ChallengeName.SMS_OTP);
        String destination = user.attributes().get(sms ? "phone_number" : "email");
        String code = codes.make(digits);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Param.CODE_DELIVERY_DELIVERY_MEDIUM, sms ? "SMS" : "EMAIL");
        parameters.put(Param.CODE_DELIVERY_DESTINATION,
                sms ? CodeDestination.maskPhone(destination) : CodeDestination.maskEmail(destination));
        parameters.put(Param.USER_ID_FOR_SRP, user.username());
        ObjectNode response = challenge(AuthSession.asking(client, user, challengeName, null, null, deviceKey)
                .withCode(code), parameters);
        // Sent only once its Session is stored: a sign-in the pool refuses (throttled) sends nothing.
        codes.send(user, sms, destination, code, challengeName, new CustomMessages.Occasion(
                CustomMessages.Source.AUTHENTICATION, client.clientId(), Map.of()));
        return response;
    }

    /** One round of the custom flow: Define decides, then tokens, failure, SRP, or Create's challenge. */
    ObjectNode customRound(ClientDefinition client, PoolUser user, ArrayNode history, String srpA,
                           Map<String, String> clientMetadata, String deviceKey) {
        Decision decision = triggers.define(user, client.clientId(), history, clientMetadata);
        if (decision.issueTokens()) {
            return signedIn(client, user, deviceKey);
        }
        if (decision.failAuthentication()) {
            throw CognitoError.incorrectPassword();
        }
        if (decision.challengeName().equals(ChallengeName.PASSWORD_VERIFIER)) {
            if (srpA == null) {
                throw CognitoError.invalidParameter("SRP_A must be given in InitiateAuth for a PASSWORD_VERIFIER challenge.");
            }
            return passwordVerifier(client, user, srpA, history, deviceKey);
        }
        Challenge challenge = triggers.create(user, client.clientId(), decision.challengeName(), history, clientMetadata);
        Map<String, String> parameters = new LinkedHashMap<>(challenge.publicParameters());
        parameters.put(Param.USERNAME, user.username());
        AuthSession session = AuthSession.asking(client, user, decision.challengeName(), history, srpA, deviceKey)
                .withCustomChallenge(challenge.metadata(), challenge.privateParameters());
        return challenge(session, parameters);
    }

    /** A Define session entry. */
    ArrayNode append(ArrayNode history, String challengeName, boolean result, String metadata) {
        ArrayNode copy = history.deepCopy();
        ObjectNode entry = copy.addObject().put("challengeName", challengeName).put("challengeResult", result);
        if (metadata == null) {
            entry.putNull("challengeMetadata");
        } else {
            entry.put("challengeMetadata", metadata);
        }
        return copy;
    }

    ArrayNode emptyHistory() {
        return json.createArrayNode();
    }

    ObjectNode challenge(AuthSession session, Map<String, String> parameters) {
        ObjectNode response = json.createObjectNode().put("ChallengeName", session.challengeName());
        response.set("ChallengeParameters", json.valueToTree(parameters));
        response.put("Session", sessions.open(session));
        log.step("  → challenge " + session.challengeName() + " for " + session.user().username()
                + " (parameters " + parameters.keySet() + ")");
        return response;
    }

    /**
     * Where the flow would issue tokens: a sign-in that named a device must first prove it
     * (DEVICE_SRP_AUTH, then DEVICE_PASSWORD_VERIFIER); any other gets the tokens.
     */
    ObjectNode signedIn(ClientDefinition client, PoolUser user, String deviceKey) {
        if (deviceKey == null) {
            return issueTokens(client, user, null);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Param.USERNAME, user.username());
        return challenge(AuthSession.asking(client, user, ChallengeName.DEVICE_SRP_AUTH, null, null, deviceKey),
                parameters);
    }

    /**
     * The tokens, bound to the device that just proved itself; with device tracking on, a sign-in
     * without one is offered a new device (NewDeviceMetadata) that ConfirmDevice can make its own.
     */
    ObjectNode issueTokens(ClientDefinition client, PoolUser user, String provenDeviceKey) {
        PoolDevice offered = provenDeviceKey == null && devices.tracking() ? devices.offer(user) : null;
        ObjectNode result = tokens.signIn(user, client, offered != null ? offered.key() : provenDeviceKey,
                offered != null, provenDeviceKey != null ? SignInTriggers.TokenSource.AUTHENTICATE_DEVICE
                        : SignInTriggers.TokenSource.AUTHENTICATION);
        if (offered != null) {
            result.putObject("NewDeviceMetadata").put("DeviceKey", offered.key()).put("DeviceGroupKey", offered.groupKey());
        }
        ObjectNode response = json.createObjectNode();
        response.putObject("ChallengeParameters");
        response.set("AuthenticationResult", result);
        log.step("  → tokens issued for " + user.username() + " (client " + client.clientId() + ")"
                + (offered != null ? ", new device " + offered.key() : "")
                + (provenDeviceKey != null ? ", device " + provenDeviceKey : ""));
        return response;
    }

}
