package dev.cogauth.api;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceRememberedStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * {@link CognitoApi} over the AWS SDK for Java v2: unsigned calls (anonymous credentials),
 * the URLConnection HTTP client, an explicit region and an optional endpoint override.
 */
public final class SdkCognitoApi implements CognitoApi, AutoCloseable {
    private final CognitoIdentityProviderClient client;
    private final String clientId;
    /** Where the calls go, for "cannot reach ..." messages. */
    private final String target;

    public SdkCognitoApi(CognitoIdentityProviderClient client, String clientId, String target) {
        this.client = client;
        this.clientId = clientId;
        this.target = target;
    }

    public static SdkCognitoApi create(String region, URI endpointOrNull, String clientId) {
        CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                .region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpointOrNull != null) {
            builder.endpointOverride(endpointOrNull);
        }
        String target = endpointOrNull != null ? endpointOrNull.toString() : "cognito-idp." + region + ".amazonaws.com";
        return new SdkCognitoApi(builder.build(), clientId, target);
    }

    @Override
    public AuthStep initiateAuth(String authFlow, Map<String, String> authParameters,
                                 Map<String, String> clientMetadata) {
        InitiateAuthResponse r = call(() -> client.initiateAuth(b -> b.clientId(clientId).authFlow(authFlow)
                .authParameters(authParameters).clientMetadata(clientMetadata)));
        return step(r.challengeNameAsString(), r.session(), r.challengeParameters(), r.authenticationResult());
    }

    @Override
    public AuthStep respondToAuthChallenge(String challengeName, Map<String, String> challengeResponses,
                                           String session, Map<String, String> clientMetadata) {
        RespondToAuthChallengeResponse r = call(() -> client.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(challengeName).challengeResponses(challengeResponses).session(session)
                .clientMetadata(clientMetadata)));
        return step(r.challengeNameAsString(), r.session(), r.challengeParameters(), r.authenticationResult());
    }

    @Override
    public SoftwareTokenAssociation associateSoftwareToken(String session) {
        AssociateSoftwareTokenResponse r = call(() -> client.associateSoftwareToken(b -> b.session(session)));
        return new SoftwareTokenAssociation(r.secretCode(), r.session());
    }

    @Override
    public String verifySoftwareToken(String session, String userCode, String friendlyDeviceName) {
        return call(() -> client.verifySoftwareToken(b -> b.session(session).userCode(userCode)
                .friendlyDeviceName(friendlyDeviceName))).session();
    }

    @Override
    public AuthenticationResult getTokensFromRefreshToken(String refreshToken, String clientSecretOrNull,
                                                          String deviceKeyOrNull) {
        AuthenticationResultType result = call(() -> client.getTokensFromRefreshToken(b -> b.clientId(clientId)
                .refreshToken(refreshToken).clientSecret(clientSecretOrNull).deviceKey(deviceKeyOrNull)))
                .authenticationResult();
        if (result == null) {
            throw new CognitoServiceException("InvalidResponse", "the pool answered without tokens", 200);
        }
        return tokens(result);
    }

    @Override
    public void revokeToken(String refreshToken, String clientSecretOrNull) {
        call(() -> client.revokeToken(b -> b.clientId(clientId).token(refreshToken).clientSecret(clientSecretOrNull)));
    }

    @Override
    public void globalSignOut(String accessToken) {
        call(() -> client.globalSignOut(b -> b.accessToken(accessToken)));
    }

    @Override
    public boolean confirmDevice(String accessToken, String deviceKey, String saltBase64, String verifierBase64,
                                 String deviceName) {
        Boolean necessary = call(() -> client.confirmDevice(b -> b.accessToken(accessToken).deviceKey(deviceKey)
                .deviceSecretVerifierConfig(c -> c.salt(saltBase64).passwordVerifier(verifierBase64))
                .deviceName(deviceName))).userConfirmationNecessary();
        return Boolean.TRUE.equals(necessary);
    }

    @Override
    public void rememberDevice(String accessToken, String deviceKey) {
        call(() -> client.updateDeviceStatus(b -> b.accessToken(accessToken).deviceKey(deviceKey)
                .deviceRememberedStatus(DeviceRememberedStatusType.REMEMBERED)));
    }

    @Override
    public void close() {
        client.close();
    }

    private static AuthStep step(String challengeName, String session, Map<String, String> parameters,
                                 AuthenticationResultType result) {
        if (challengeName != null) {
            return AuthStep.challenge(challengeName, session, parameters);
        }
        if (result == null) {
            throw new CognitoServiceException("InvalidResponse", "the pool answered neither a challenge nor tokens", 200);
        }
        return AuthStep.signedIn(tokens(result));
    }

    static AuthenticationResult tokens(AuthenticationResultType r) {
        AuthenticationResult.NewDeviceMetadata device = r.newDeviceMetadata() == null ? null
                : new AuthenticationResult.NewDeviceMetadata(r.newDeviceMetadata().deviceKey(),
                        r.newDeviceMetadata().deviceGroupKey());
        return new AuthenticationResult(r.idToken(), r.accessToken(), r.refreshToken(),
                r.expiresIn() == null ? 0 : r.expiresIn(), r.tokenType(), device);
    }

    /** Turns the SDK's exceptions into the port's two kinds. */
    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (AwsServiceException e) {
            String type = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            return throwService(type == null ? "UnknownError" : type, message, e.statusCode(), e);
        } catch (SdkClientException e) {
            throw new CognitoUnreachableException("cannot reach " + target + ": " + rootMessage(e), e);
        }
    }

    private static <T> T throwService(String type, String message, int status, Exception cause) {
        CognitoServiceException error = new CognitoServiceException(type, message == null ? type : message, status);
        error.initCause(cause);
        throw error;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
