package dev.cogauth.flow;

/** The user at the other end of a sign-in: a terminal, piped stdin, or nobody. */
public interface Prompter {

    /**
     * Asks one question and returns the answer without its line ending.
     *
     * @throws InputUnavailableException when there is no one to ask or input has ended
     * @throws SignInCancelledException  when the user cancels (Ctrl-C)
     */
    String ask(Prompt prompt);

    /** Shows information that needs no answer (where a code was sent, a TOTP secret). */
    void show(String message);

    /**
     * Shows text, already given by {@link #show}, as a QR code where one can be scanned: on a terminal.
     * Elsewhere (piped, a log) nothing, which is the default.
     */
    default void showQrCode(String text) {
    }
}
