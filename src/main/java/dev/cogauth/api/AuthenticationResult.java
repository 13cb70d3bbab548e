package dev.cogauth.api;

/** Cognito's AuthenticationResult. {@code refreshToken} and {@code newDevice} may be null. */
public record AuthenticationResult(String idToken, String accessToken, String refreshToken,
                                   int expiresIn, String tokenType, NewDeviceMetadata newDevice) {

    @Override
    public String toString() {
        // Records print their fields; tokens must never reach a log or a stack trace.
        return "AuthenticationResult[expiresIn=" + expiresIn + ", tokenType=" + tokenType + "]";
    }

    public record NewDeviceMetadata(String deviceKey, String deviceGroupKey) {
    }
}
