package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;
import java.util.List;
import java.util.Map;

/**
 * RespondToAuthChallenge: checks that the answer belongs to the challenge its Session asked, then
 * hands it to that challenge's handler, which checks the answer itself and takes the next step.
 */
final class RespondToAuthChallenge implements Operation {

    private final PoolServices pool;
    private final Map<String, ChallengeHandler> handlers;

    /** @param policy what NEW_PASSWORD_REQUIRED's new password must meet */
    RespondToAuthChallenge(PoolServices pool, PasswordPolicy policy) {
        this.pool = pool;
        CodeHandler sentCode = new SentCodeHandler(pool);
        this.handlers = Map.ofEntries(
                Map.entry(ChallengeName.PASSWORD_VERIFIER, new PasswordVerifierHandler(pool)),
                Map.entry(ChallengeName.CUSTOM_CHALLENGE, new CustomChallengeHandler(pool)),
                Map.entry(ChallengeName.NEW_PASSWORD_REQUIRED, new NewPasswordHandler(pool, policy)),
                Map.entry(ChallengeName.SMS_MFA, sentCode),
                Map.entry(ChallengeName.EMAIL_OTP, sentCode),
                Map.entry(ChallengeName.SMS_OTP, sentCode),
                Map.entry(ChallengeName.SOFTWARE_TOKEN_MFA, new SoftwareTokenHandler(pool)),
                Map.entry(ChallengeName.SELECT_CHALLENGE, new SelectChallengeHandler(pool)),
                Map.entry(ChallengeName.WEB_AUTHN, new PasskeyHandler(pool)),
                Map.entry(ChallengeName.SELECT_MFA_TYPE, new SelectMfaTypeHandler(pool)),
                Map.entry(ChallengeName.MFA_SETUP, new MfaSetupHandler(pool)),
                Map.entry(ChallengeName.DEVICE_SRP_AUTH, new DeviceSrpHandler(pool)),
                Map.entry(ChallengeName.DEVICE_PASSWORD_VERIFIER, new DevicePasswordVerifierHandler(pool)));
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
        if (session.deviceKey() == null) {
            // A client may name its device only once the challenges begin.
            session = session.withDevice(deviceOrRestore(token, session, responses.get(Param.DEVICE_KEY)));
        }
        ChallengeHandler handler = handlers.get(challengeName);
        if (handler == null) {
            throw CognitoError.invalidParameter("Unsupported challenge name: " + challengeName);
        }
        return handler.answer(new ChallengeAnswer(client, token, session, responses, clientMetadata));
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
}
