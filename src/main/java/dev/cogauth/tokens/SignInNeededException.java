package dev.cogauth.tokens;

/** No usable tokens and no usable refresh token: only a new sign-in helps (exit code 4). */
public final class SignInNeededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SignInNeededException(String reason) {
        super(reason + ": run cogauth signin");
    }
}
