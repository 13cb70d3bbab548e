package dev.cogauth.api;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClientBuilder;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/** {@link CognitoIdentityApi} over the AWS SDK for Java v2, unsigned, like {@link SdkCognitoApi}. */
public final class SdkCognitoIdentityApi implements CognitoIdentityApi, AutoCloseable {
    private final CognitoIdentityClient client;
    private final String target;
    private final CallTimeouts timeouts;

    private SdkCognitoIdentityApi(CognitoIdentityClient client, String target, CallTimeouts timeouts) {
        this.client = client;
        this.target = target;
        this.timeouts = timeouts;
    }

    /** @param region the identity pool's region (the part of its id before ':') */
    public static SdkCognitoIdentityApi create(String region, URI endpointOrNull, CallTimeouts timeouts) {
        CognitoIdentityClientBuilder builder = SdkClients.configure(CognitoIdentityClient.builder(),
                region, endpointOrNull, timeouts);
        String target = endpointOrNull != null ? endpointOrNull.toString() : "cognito-identity." + region + ".amazonaws.com";
        return new SdkCognitoIdentityApi(builder.build(), target, timeouts);
    }

    @Override
    public String getId(String identityPoolId, Map<String, String> logins) {
        return call(() -> client.getId(b -> b.identityPoolId(identityPoolId).logins(logins))).identityId();
    }

    @Override
    public AwsCredentials getCredentialsForIdentity(String identityId, Map<String, String> logins) {
        var response = call(() -> client.getCredentialsForIdentity(b -> b.identityId(identityId).logins(logins)));
        Credentials c = response.credentials();
        if (c == null || c.accessKeyId() == null || c.secretKey() == null || c.expiration() == null) {
            throw new CognitoServiceException("InvalidResponse", "the identity pool answered without credentials", 200);
        }
        return new AwsCredentials(response.identityId() != null ? response.identityId() : identityId,
                c.accessKeyId(), c.secretKey(), c.sessionToken(), c.expiration());
    }

    @Override
    public void close() {
        client.close();
    }

    private <T> T call(Supplier<T> request) {
        return SdkErrors.call(target, timeouts, request);
    }
}
