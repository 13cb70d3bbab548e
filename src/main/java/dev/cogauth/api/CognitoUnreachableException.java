package dev.cogauth.api;

/**
 * No usable answer from the endpoint after the SDK's retries: unknown host, no connection, a dropped
 * connection, a timeout ({@link CognitoTimeoutException}), or an answer that is not Cognito's JSON.
 * The message names the endpoint and says which.
 */
public class CognitoUnreachableException extends RuntimeException {
    public CognitoUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
