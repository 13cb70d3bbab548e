package dev.cogauth.oauth;

/** Why a browser sign-in did not end with tokens; the cli turns the kind into an exit code. */
public final class BrowserSignInException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The pool or the user said no: an error redirect, a refused code, a state that does not match. */
        REFUSED,
        /** Nobody finished the sign-in in the browser in time. */
        TIMED_OUT,
        /** The redirect URI cannot be listened on (port in use, not a loopback address). */
        UNUSABLE_REDIRECT,
        /** The managed login could not be reached. */
        UNREACHABLE
    }

    private final Kind kind;

    public BrowserSignInException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public BrowserSignInException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
