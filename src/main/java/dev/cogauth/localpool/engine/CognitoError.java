package dev.cogauth.localpool.engine;

import dev.cogauth.protocol.ErrorType;

/**
 * An error the pool answers as Cognito does: HTTP 400 with {@code {"__type", "message"}}.
 * Messages are Cognito's own words and never carry a secret.
 */
public final class CognitoError extends RuntimeException {

    private final String type;
    private final int status;

    public CognitoError(String type, String message) {
        this(type, message, 400);
    }

    public CognitoError(String type, String message, int status) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    static CognitoError notAuthorized(String message) {
        return new CognitoError(ErrorType.NOT_AUTHORIZED, message);
    }

    static CognitoError invalidParameter(String message) {
        return new CognitoError(ErrorType.INVALID_PARAMETER, message);
    }

    static CognitoError incorrectPassword() {
        return notAuthorized("Incorrect username or password.");
    }

    /** Cognito's wording for a missing top-level member, e.g. {@code ClientId} → {@code clientId}. */
    static CognitoError missingMember(String member) {
        String camel = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        return invalidParameter("1 validation error detected: Value null at '" + camel
                + "' failed to satisfy constraint: Member must not be null");
    }

    static CognitoError missingParameter(String name) {
        return invalidParameter("Missing required parameter " + name);
    }
}
