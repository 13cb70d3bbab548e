package dev.cogauth.cli;

import dev.cogauth.api.CallTimeouts;
import dev.cogauth.api.CognitoApi;
import dev.cogauth.api.CognitoIdentityApi;
import dev.cogauth.api.SdkCognitoApi;
import dev.cogauth.api.SdkCognitoIdentityApi;
import java.net.URI;

/**
 * The only place the token commands name the SDK adapters. Loading this class is what loads the
 * AWS SDK, so callers reach it only when a network call is due: {@code cogauth token}'s cached
 * path never does.
 */
final class SdkFactory {
    private SdkFactory() {
    }

    static CognitoApi cognito(String region, String endpointOrNull, String clientId, CallTimeouts timeouts) {
        return SdkCognitoApi.create(region, endpointOrNull == null ? null : URI.create(endpointOrNull), clientId, timeouts);
    }

    static CognitoIdentityApi identity(String region, String endpointOrNull, CallTimeouts timeouts) {
        return SdkCognitoIdentityApi.create(region, endpointOrNull == null ? null : URI.create(endpointOrNull), timeouts);
    }
}
