package dev.cogauth.api;

/** An error the pool answered, with Cognito's {@code __type} (see {@code protocol.ErrorType}). */
public class CognitoServiceException extends RuntimeException {
    private final String errorType;
    private final int statusCode;
    private final boolean throttling;

    public CognitoServiceException(String errorType, String message, int statusCode) {
        this(errorType, message, statusCode, false);
    }

    /** @param throttling the SDK counted the answer as throttling (it knows more names than cogauth does) */
    public CognitoServiceException(String errorType, String message, int statusCode, boolean throttling) {
        super(message);
        this.errorType = errorType;
        this.statusCode = statusCode;
        this.throttling = throttling;
    }

    public String errorType() {
        return errorType;
    }

    public int statusCode() {
        return statusCode;
    }

    public boolean throttling() {
        return throttling;
    }
}
