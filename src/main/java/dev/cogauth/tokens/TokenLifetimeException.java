package dev.cogauth.tokens;

/** Even fresh tokens would not live as long as asked (--min-ttl above the pool's token validity). */
public final class TokenLifetimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TokenLifetimeException(String message) {
        super(message);
    }
}
