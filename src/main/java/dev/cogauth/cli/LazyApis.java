package dev.cogauth.cli;

import dev.cogauth.api.CallTimeouts;
import dev.cogauth.api.CognitoApi;
import dev.cogauth.api.CognitoIdentityApi;
import dev.cogauth.tokens.TokenEntry;

/** The SDK clients a token command may need, built on first use and closed at the end. */
final class LazyApis implements AutoCloseable {
    private final CallTimeouts timeouts;
    private CognitoApi cognito;
    private CognitoIdentityApi identity;

    LazyApis(CallTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** @param endpoint where to call, null for AWS's endpoint of the entry's region */
    CognitoApi cognito(TokenEntry entry, String endpoint) {
        if (cognito == null) {
            cognito = SdkFactory.cognito(entry.key().region(), endpoint, entry.key().clientId(), timeouts);
        }
        return cognito;
    }

    CognitoIdentityApi identity(String region, String endpointOrNull) {
        if (identity == null) {
            identity = SdkFactory.identity(region, endpointOrNull, timeouts);
        }
        return identity;
    }

    @Override
    public void close() throws Exception {
        for (Object client : new Object[] {cognito, identity}) {
            if (client instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
