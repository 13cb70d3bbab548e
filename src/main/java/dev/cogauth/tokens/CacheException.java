package dev.cogauth.tokens;

/** The token cache cannot be read or written (disk full, permissions): one line for the user. */
public final class CacheException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
