package dev.cogauth.cli;

/** stdout refused the payload (a full disk, a closed pipe): the tokens were not delivered. */
final class UnwritableOutputException extends RuntimeException {
    UnwritableOutputException(String message) {
        super(message);
    }
}
