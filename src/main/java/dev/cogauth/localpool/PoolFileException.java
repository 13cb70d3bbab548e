package dev.cogauth.localpool;

/** A pool file that cannot be used; the message is one line naming the file and the field. */
public final class PoolFileException extends Exception {

    public PoolFileException(String message) {
        super(message);
    }
}
