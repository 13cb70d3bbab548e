package dev.cogauth.flow;

import dev.cogauth.api.CognitoServiceException;

/**
 * The pool refused the sign-in in answer to a custom challenge: after a wrong answer a Define trigger may end the
 * sign-in, and Cognito then says "Incorrect username or password." whatever the reason was.
 */
public final class RefusedAfterAnswersException extends RuntimeException {
    private final int answers;

    public RefusedAfterAnswersException(int answers, CognitoServiceException refusal) {
        super(refusal.getMessage(), refusal);
        this.answers = answers;
    }

    /** How many custom answers the user had given, the refused one included. */
    public int answers() {
        return answers;
    }

    public CognitoServiceException refusal() {
        return (CognitoServiceException) getCause();
    }
}
