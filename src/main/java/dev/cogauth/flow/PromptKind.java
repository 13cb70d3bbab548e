package dev.cogauth.flow;

/** What a prompt asks for; the prompter decides from it whether to mask and whether to confirm. */
public enum PromptKind {
    USERNAME(false),
    PASSWORD(true),
    NEW_PASSWORD(true),
    ATTRIBUTE(false),
    /** The answer to a custom challenge. */
    ANSWER(false),
    /** A one-time code: SMS, email, TOTP. */
    CODE(false),
    /** A choice among the options the pool offers (MFA type). */
    CHOICE(false);

    private final boolean alwaysSecret;

    PromptKind(boolean alwaysSecret) {
        this.alwaysSecret = alwaysSecret;
    }

    /** Passwords are masked on every terminal and never appear in any output. */
    public boolean alwaysSecret() {
        return alwaysSecret;
    }

    /** Answers and codes are shown by default and masked with {@code --mask-answers}. */
    public boolean isAnswer() {
        return this == ANSWER || this == CODE;
    }
}
