package dev.cogauth.tokens;

/**
 * The tokens have no ID token (a browser sign-in without the openid scope) and something needs one:
 * only a sign-in with openid helps (exit code 4, as for {@link SignInNeededException}).
 */
public final class NoIdTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what what needs the ID token, e.g. "--output id-token"
     * @param key  whose cached sign-in it is; null for tokens just received
     */
    public NoIdTokenException(String what, CacheKey key) {
        super(what + " needs an ID token, and " + (key == null ? "this sign-in" : "the sign-in of " + key.describe())
                + " has none: it was made without the openid scope; sign in with openid in --scope");
    }
}
