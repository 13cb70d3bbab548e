package dev.cogauth.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
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
 * the URLConnection HTTP client, an explicit region, an optional endpoint override and the CLI's timeouts.
 */
public final class SdkCognitoApi implements CognitoApi, AutoCloseable {
    private final CognitoIdentityProviderClient client;
    private final String clientId;
    /** Where the calls go, for "cannot reach ..." messages. */
    private final String target;
    private final CallTimeouts timeouts;

    public SdkCognitoApi(CognitoIdentityProviderClient client, String clientId, String target, CallTimeouts timeouts) {
        this.client = client;
        this.clientId = clientId;
        this.target = target;
        this.timeouts = timeouts;
    }

    public static SdkCognitoApi create(String region, URI endpointOrNull, String clientId, CallTimeouts timeouts) {
        CognitoIdentityProviderClientBuilder builder = SdkClients.configure(CognitoIdentityProviderClient.builder(),
                region, endpointOrNull, timeouts);
        String target = endpointOrNull != null ? endpointOrNull.toString() : "cognito-idp." + region + ".amazonaws.com";
        return new SdkCognitoApi(builder.build(), clientId, target, timeouts);
    }

    @Override
    public AuthStep initiateAuth(String authFlow, Map<String, String> authParameters,
                                 Map<String, String> clientMetadata) {
        InitiateAuthResponse r = call(() -> client.initiateAuth(b -> b.clientId(clientId).authFlow(authFlow)
                .authParameters(authParameters).clientMetadata(clientMetadata)));
        return step(r.challengeNameAsString(), r.session(), r.challengeParameters(), r.availableChallengesAsStrings(),
                r.authenticationResult());
    }

    @Override
    public AuthStep respondToAuthChallenge(String challengeName, Map<String, String> challengeResponses,
                                           String session, Map<String, String> clientMetadata) {
        RespondToAuthChallengeResponse r = call(() -> client.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(challengeName).challengeResponses(challengeResponses).session(session)
                .clientMetadata(clientMetadata)));
        return step(r.challengeNameAsString(), r.session(), r.challengeParameters(), r.availableChallengesAsStrings(),
                r.authenticationResult());
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
                                 List<String> available, AuthenticationResultType result) {
        if (challengeName != null) {
            return AuthStep.challenge(challengeName, session, parameters, available);
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

    private <T> T call(Supplier<T> request) {
        return SdkErrors.call(target, timeouts, request);
    }
}
