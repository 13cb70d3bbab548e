package dev.cogauth.tokens;

/** The pool refused the refresh token: a sign-in is needed, and the token is dropped from the cache. */
public final class RefreshRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RefreshRefusedException(String reason) {
        super(reason);
    }
}
