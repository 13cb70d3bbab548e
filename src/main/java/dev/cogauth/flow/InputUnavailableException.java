package dev.cogauth.flow;

/** An answer was needed but none can be had: stdin ended, or prompting is off. */
public class InputUnavailableException extends RuntimeException {
    public InputUnavailableException(String message) {
        super(message);
    }
}
