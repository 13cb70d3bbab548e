package dev.cogauth.cli;

/** A usage error found after parsing (a value picocli could not check): exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
