package dev.cogauth.api;

/** An error the pool answered, with Cognito's {@code __type} (see {@code protocol.ErrorType}). */
public class CognitoServiceException extends RuntimeException {
    private final String errorType;
    private final int statusCode;

    public CognitoServiceException(String errorType, String message, int statusCode) {
        super(message);
        this.errorType = errorType;
        this.statusCode = statusCode;
    }

    public String errorType() {
        return errorType;
    }

    public int statusCode() {
        return statusCode;
    }
}
