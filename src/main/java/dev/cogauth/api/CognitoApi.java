package dev.cogauth.api;

import java.util.Map;

/**
 * The port to a Cognito user pool's sign-in operations, for one app client. Calls are
 * unsigned. Implementations throw {@link CognitoServiceException} for an error the pool
 * answered and {@link CognitoUnreachableException} when no answer came.
 */
public interface CognitoApi {

    AuthStep initiateAuth(String authFlow, Map<String, String> authParameters,
                          Map<String, String> clientMetadata);

    AuthStep respondToAuthChallenge(String challengeName, Map<String, String> challengeResponses,
                                    String session, Map<String, String> clientMetadata);

    /** AssociateSoftwareToken with a sign-in session (MFA_SETUP). */
    SoftwareTokenAssociation associateSoftwareToken(String session);

    /** VerifySoftwareToken with a sign-in session; returns the session to answer MFA_SETUP with. */
    String verifySoftwareToken(String session, String userCode, String friendlyDeviceName);

    /**
     * GetTokensFromRefreshToken, for app clients that rotate refresh tokens: the answer may
     * carry a new refresh token that replaces the old one.
     *
     * @param clientSecretOrNull sent as is (this operation takes the secret, not a SECRET_HASH)
     * @param deviceKeyOrNull    the remembered device's key, when there is one
     */
    AuthenticationResult getTokensFromRefreshToken(String refreshToken, String clientSecretOrNull,
                                                   String deviceKeyOrNull);

    /** RevokeToken: the refresh token and the access tokens it issued stop working. */
    void revokeToken(String refreshToken, String clientSecretOrNull);

    /** GlobalSignOut: every refresh token of the user stops working. */
    void globalSignOut(String accessToken);

    /**
     * ConfirmDevice: registers the device's SRP verifier (salt and verifier in base64) for the
     * signed-in user. Returns whether the user must still confirm remembering it
     * (UserConfirmationNecessary; cogauth then just does not count on it).
     */
    boolean confirmDevice(String accessToken, String deviceKey, String saltBase64, String verifierBase64,
                          String deviceName);

    /** UpdateDeviceStatus to "remembered": the user opts in, on a pool that asks (UserConfirmationNecessary). */
    void rememberDevice(String accessToken, String deviceKey);
}
