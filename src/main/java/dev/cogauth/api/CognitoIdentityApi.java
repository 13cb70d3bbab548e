package dev.cogauth.api;

import java.util.Map;

/**
 * The port to a Cognito identity pool: an ID token in, temporary AWS credentials out. Calls are
 * unsigned; {@code logins} maps {@code cognito-idp.<region>.amazonaws.com/<userPoolId>} to the
 * ID token. Errors as in {@link CognitoApi}.
 */
public interface CognitoIdentityApi {

    /** GetId: the identity id of the signed-in user in {@code identityPoolId}. */
    String getId(String identityPoolId, Map<String, String> logins);

    /** GetCredentialsForIdentity. */
    AwsCredentials getCredentialsForIdentity(String identityId, Map<String, String> logins);
}
