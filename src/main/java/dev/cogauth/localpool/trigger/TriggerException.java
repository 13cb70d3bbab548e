package dev.cogauth.localpool.trigger;

/** A trigger that failed as Cognito reports it: the error type the client gets, and why. */
public class TriggerException extends Exception {

    /** How a trigger failed; each maps to the error Cognito gives the client. */
    public enum Kind {
        /** The handler threw or called back with an error: UserLambdaValidationException. */
        HANDLER_ERROR("UserLambdaValidationException"),
        /** The answer was not a valid event: InvalidLambdaResponseException. */
        MALFORMED_RESPONSE("InvalidLambdaResponseException"),
        /** Timed out, crashed, or could not be reached: UnexpectedLambdaException. */
        UNAVAILABLE("UnexpectedLambdaException");

        private final String errorType;

        Kind(String errorType) {
            this.errorType = errorType;
        }

        public String errorType() {
            return errorType;
        }
    }

    private final Kind kind;

    public TriggerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public TriggerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
