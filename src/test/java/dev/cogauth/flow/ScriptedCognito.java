package dev.cogauth.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.CognitoApi;
import dev.cogauth.api.SoftwareTokenAssociation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A Cognito API that answers each call from a script and records what it was sent. */
final class ScriptedCognito implements CognitoApi {

    /** One call as the pool saw it. {@code name} is the AuthFlow or the challenge name. */
    record Call(String operation, String name, Map<String, String> parameters, String session,
                Map<String, String> clientMetadata) {
    }

    final List<Call> calls = new ArrayList<>();
    private final Deque<Function<Call, Object>> script = new ArrayDeque<>();

    /** Queues the answer to the next call; the function may inspect the call (and throw to refuse). */
    ScriptedCognito then(Function<Call, Object> answer) {
        script.add(answer);
        return this;
    }

    ScriptedCognito thenChallenge(String name, String session, Map<String, String> parameters) {
        return then(call -> AuthStep.challenge(name, session, parameters));
    }

    ScriptedCognito thenTokens() {
        return then(call -> AuthStep.signedIn(tokens()));
    }

    static AuthenticationResult tokens() {
        return new AuthenticationResult("id.token.x", "access.token.x", "refresh", 3600, "Bearer", null);
    }

    private Object next(Call call) {
        calls.add(call);
        assertFalse(script.isEmpty(), "unexpected call " + call.operation() + " " + call.name());
        return script.poll().apply(call);
    }

    @Override
    public AuthStep initiateAuth(String authFlow, Map<String, String> authParameters, Map<String, String> clientMetadata) {
        return (AuthStep) next(new Call("InitiateAuth", authFlow, Map.copyOf(authParameters), null, clientMetadata));
    }

    @Override
    public AuthStep respondToAuthChallenge(String challengeName, Map<String, String> challengeResponses, String session,
                                           Map<String, String> clientMetadata) {
        return (AuthStep) next(new Call("RespondToAuthChallenge", challengeName, Map.copyOf(challengeResponses), session,
                clientMetadata));
    }

    @Override
    public SoftwareTokenAssociation associateSoftwareToken(String session) {
        return (SoftwareTokenAssociation) next(new Call("AssociateSoftwareToken", null, Map.of(), session, Map.of()));
    }

    @Override
    public String verifySoftwareToken(String session, String userCode, String friendlyDeviceName) {
        return (String) next(new Call("VerifySoftwareToken", friendlyDeviceName, Map.of("UserCode", userCode), session,
                Map.of()));
    }

    @Override
    public AuthenticationResult getTokensFromRefreshToken(String refreshToken, String clientSecretOrNull,
                                                          String deviceKeyOrNull) {
        return (AuthenticationResult) next(new Call("GetTokensFromRefreshToken", null,
                Map.of("RefreshToken", refreshToken), null, Map.of()));
    }

    @Override
    public void revokeToken(String refreshToken, String clientSecretOrNull) {
        next(new Call("RevokeToken", null, Map.of("Token", refreshToken), null, Map.of()));
    }

    @Override
    public void globalSignOut(String accessToken) {
        next(new Call("GlobalSignOut", null, Map.of("AccessToken", accessToken), null, Map.of()));
    }

    @Override
    public boolean confirmDevice(String accessToken, String deviceKey, String saltBase64, String verifierBase64,
                                 String deviceName) {
        return (Boolean) next(new Call("ConfirmDevice", deviceName, Map.of("DeviceKey", deviceKey,
                "Salt", saltBase64, "PasswordVerifier", verifierBase64), null, Map.of()));
    }

    @Override
    public void rememberDevice(String accessToken, String deviceKey) {
        next(new Call("UpdateDeviceStatus", null, Map.of("DeviceKey", deviceKey), null, Map.of()));
    }
}
