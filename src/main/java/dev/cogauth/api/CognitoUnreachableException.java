package dev.cogauth.api;

/** No answer from the pool after the SDK's retries: DNS, connection, timeout ({@link CognitoTimeoutException}), 5xx. */
public class CognitoUnreachableException extends RuntimeException {
    public CognitoUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
