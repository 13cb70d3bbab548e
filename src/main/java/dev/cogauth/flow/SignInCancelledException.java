package dev.cogauth.flow;

/** The user cancelled at a prompt (Ctrl-C, or Ctrl-D on a terminal). */
public class SignInCancelledException extends RuntimeException {
    private final boolean endOfInput;

    public SignInCancelledException(String message, boolean endOfInput) {
        super(message);
        this.endOfInput = endOfInput;
    }

    /** True for Ctrl-D (end of input), false for Ctrl-C. */
    public boolean endOfInput() {
        return endOfInput;
    }
}
