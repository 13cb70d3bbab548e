package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.CodeAnswer;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.protocol.Param;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/** RespondToAuthChallenge: checks the answer to the challenge its Session asked and takes the next step. */
final class RespondToAuthChallenge implements Operation {

    /** Wrong tries one sent code allows; the last wrong one spends the Session. */
    static final int MAX_WRONG_CODES = 3;

    private final PoolServices pool;
    private final DeviceChallenges devices;
    private final PasswordPolicy policy;

    /** @param policy what NEW_PASSWORD_REQUIRED's new password must meet */
    RespondToAuthChallenge(PoolServices pool, PasswordPolicy policy) {
        this.pool = pool;
        this.devices = new DeviceChallenges(pool);
        this.policy = policy;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        String challengeName = request.required("ChallengeName");
        ClientDefinition client = pool.clients().find(request.required("ClientId"));
        Map<String, String> responses = request.map("ChallengeResponses");
        Map<String, String> clientMetadata = request.map("ClientMetadata");
        String username = JsonRequest.requiredParameter(responses, Param.USERNAME);
        ClientRegistry.checkSecretHash(client, responses.get(Param.SECRET_HASH), List.of(username));
        String token = request.optional("Session");
        if (token == null && challengeName.equals(ChallengeName.PASSWORD_VERIFIER)) {
            token = pool.sessions().bySecretBlock(responses.get(Param.PASSWORD_CLAIM_SECRET_BLOCK));
        }
        AuthSession session = pool.sessions().take(token);
        if (!session.client().clientId().equals(client.clientId())) {
            throw CognitoError.notAuthorized("Invalid session for the user.");
        }
        if (!challengeName.equals(session.challengeName())) {
            throw CognitoError.invalidParameter("Invalid challenge name: expected " + session.challengeName() + ".");
        }
        PoolUser user = session.user();
        if (pool.users().find(username).orElse(null) != user) {
            throw CognitoError.notAuthorized("Incorrect username or password.");
        }
        pool.log().step("RespondToAuthChallenge " + challengeName + " client " + client.clientId() + " user "
                + user.username());
        SignInSteps steps = pool.steps();
        if (session.deviceKey() == null) {
            // A client may name its device only once the challenges begin.
            session = session.withDevice(deviceOrRestore(token, session, responses.get(Param.DEVICE_KEY)));
        }
        String deviceKey = session.deviceKey();
        return switch (challengeName) {
            case ChallengeName.PASSWORD_VERIFIER -> passwordVerifier(session, responses, clientMetadata);
            case ChallengeName.CUSTOM_CHALLENGE -> {
                String answer = JsonRequest.requiredParameter(responses, Param.ANSWER);
                boolean correct = steps.triggers().verify(user, client.clientId(), session.privateParameters(),
                        answer, clientMetadata);
                ArrayNode history = steps.append(session.history(), ChallengeName.CUSTOM_CHALLENGE, correct,
                        session.challengeMetadata());
                yield steps.customRound(client, user, history, session.srpA(), clientMetadata, deviceKey);
            }
            case ChallengeName.NEW_PASSWORD_REQUIRED -> {
                String password = JsonRequest.requiredParameter(responses, Param.NEW_PASSWORD);
                policy.check(password);
                user.changePassword(steps.passwords().verifier(user.username(), password));
                pool.log().step("  password changed for " + user.username());
                yield steps.mfa(client, user, deviceKey);
            }
            case ChallengeName.SMS_MFA, ChallengeName.EMAIL_OTP, ChallengeName.SMS_OTP,
                 ChallengeName.SOFTWARE_TOKEN_MFA -> code(token, session, responses);
            case ChallengeName.SELECT_CHALLENGE -> new UserAuthFlow(pool).select(session, responses);
            case ChallengeName.WEB_AUTHN -> {
                JsonRequest.requiredParameter(responses, Param.CREDENTIAL);
                // Verifying an assertion needs the passkey's public key, which the pool file does not hold.
                pool.log().step("  passkey assertion refused: the local pool does not verify passkeys");
                throw CognitoError.incorrectPassword();
            }
            case ChallengeName.SELECT_MFA_TYPE -> {
                String choice = JsonRequest.requiredParameter(responses, Param.ANSWER);
                if (!SignInSteps.mfaMethods(user).contains(choice)) {
                    throw CognitoError.invalidParameter("Invalid MFA type: " + choice);
                }
                yield steps.mfaChallenge(client, user, choice, deviceKey);
            }
            case ChallengeName.MFA_SETUP -> {
                if (!session.totpVerified()) {
                    throw CognitoError.invalidParameter("Software token MFA has not been verified for this session.");
                }
                user.enableTotp(session.pendingTotpSecret());
                pool.log().step("  software token MFA enabled for " + user.username());
                yield steps.signedIn(client, user, deviceKey);
            }
            case ChallengeName.DEVICE_SRP_AUTH -> devices.srpAuth(session, responses);
            case ChallengeName.DEVICE_PASSWORD_VERIFIER -> devices.passwordVerifier(session, responses);
            default -> throw CognitoError.invalidParameter("Unsupported challenge name: " + challengeName);
        };
    }

    /**
     * The device the answer names. An unknown one leaves the Session usable: the official clients
     * answer ResourceNotFoundException by sending the same answer with the same Session, without the key.
     */
    private String deviceOrRestore(String token, AuthSession session, String deviceKey) {
        try {
            return pool.steps().device(session.user(), deviceKey);
        } catch (CognitoError e) {
            pool.sessions().restore(token, session);
            pool.log().step("  unknown device " + deviceKey + ": the Session stays usable");
            throw e;
        }
    }

    private ObjectNode passwordVerifier(AuthSession session, Map<String, String> responses,
                                        Map<String, String> clientMetadata) {
        String block = JsonRequest.requiredParameter(responses, Param.PASSWORD_CLAIM_SECRET_BLOCK);
        String signature = JsonRequest.requiredParameter(responses, Param.PASSWORD_CLAIM_SIGNATURE);
        String timestamp = JsonRequest.requiredParameter(responses, Param.TIMESTAMP);
        SignInSteps steps = pool.steps();
        PoolUser user = session.user();
        if (!block.equals(session.srp().secretBlock())
                || !steps.passwords().verify(user, session.srp(), timestamp, signature)) {
            pool.log().step("  password verifier: wrong password");
            throw CognitoError.incorrectPassword();
        }
        pool.log().step("  password verifier: correct");
        if (session.custom()) {
            ArrayNode history = steps.append(session.history(), ChallengeName.PASSWORD_VERIFIER, true, null);
            return steps.customRound(session.client(), user, history, session.srpA(), clientMetadata,
                    session.deviceKey());
        }
        return steps.afterPassword(session.client(), user, session.deviceKey());
    }

    /**
     * A code challenge: MFA after a password, or a code sent as the first factor (then, as in
     * Cognito, no MFA follows: passwordless sign-in and MFA exclude each other).
     */
    private ObjectNode code(String token, AuthSession session, Map<String, String> responses) {
        String name = session.challengeName();
        String code = JsonRequest.requiredParameter(responses, CodeAnswer.keyFor(name).orElseThrow());
        boolean correct = name.equals(ChallengeName.SOFTWARE_TOKEN_MFA)
                ? Totp.verify(session.user().totpSecret(), code, pool.clock().instant())
                : MessageDigest.isEqual(session.expectedCode().getBytes(StandardCharsets.UTF_8),
                        code.getBytes(StandardCharsets.UTF_8));
        if (!correct) {
            // Cognito lets the user retype a code with the same Session, a few times.
            AuthSession retry = session.withWrongCode();
            boolean spent = retry.wrongCodes() >= MAX_WRONG_CODES;
            if (!spent) {
                pool.sessions().restore(token, retry);
            }
            pool.log().step("  " + name + ": wrong code (" + retry.wrongCodes() + " of " + MAX_WRONG_CODES
                    + (spent ? ", session spent)" : ")"));
            throw new CognitoError(ErrorType.CODE_MISMATCH, "Invalid code received for user");
        }
        return pool.steps().signedIn(session.client(), session.user(), session.deviceKey());
    }
}
