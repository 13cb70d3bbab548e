package dev.cogauth.flow;

/** The pool asked for something this client cannot answer, or sent a malformed challenge. */
public class UnsupportedChallengeException extends RuntimeException {
    public UnsupportedChallengeException(String message) {
        super(message);
    }
}
