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
}
