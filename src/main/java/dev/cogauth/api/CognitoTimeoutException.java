package dev.cogauth.api;

import java.time.Duration;

/** The pool did not answer within the call's deadline (the SDK's retries included). */
public final class CognitoTimeoutException extends CognitoUnreachableException {
    public CognitoTimeoutException(String target, Duration overall, Throwable cause) {
        super("no answer from " + target + " within " + overall.toSeconds() + "s (wait longer with --timeout)", cause);
    }
}
