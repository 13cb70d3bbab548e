package dev.cogauth.cli;

import java.io.PrintWriter;

/**
 * How a command's failure reaches the user: the {@link Failure} line, its hint, and with --debug the causes (a stack
 * trace only for an internal error). Shared by picocli's execution-exception handler and {@link TokenFastPath}.
 */
final class FailureReport {

    private FailureReport() {
    }

    /** @return the exit code the failure means */
    static int print(Throwable error, PrintWriter err, boolean debug) {
        Failure failure = Failure.of(error);
        err.println("cogauth: " + failure.message());
        if (failure.hintOrNull() != null) {
            err.println("cogauth: hint: " + failure.hintOrNull());
        }
        if (debug) {
            if (failure.exitCode() == ExitCode.BUG) {
                error.printStackTrace(err);
            } else {
                Failure.debugLines(error).forEach(line -> err.println("debug: " + line));
            }
        }
        err.flush();
        return failure.exitCode();
    }
}
