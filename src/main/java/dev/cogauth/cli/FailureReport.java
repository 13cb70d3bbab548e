package dev.cogauth.cli;

import dev.cogauth.protocol.PrintableText;
import java.io.PrintWriter;

/**
 * How a command's failure reaches the user: the {@link Failure} line, its hint, and with --debug the causes (a stack
 * trace only for an internal error). Each is one line with its control characters escaped: pools, OAuth servers and
 * their error descriptions are strangers. Shared by picocli's execution-exception handler and {@link TokenFastPath}.
 */
final class FailureReport {

    private FailureReport() {
    }

    /** @return the exit code the failure means */
    static int print(Throwable error, PrintWriter err, boolean debug) {
        Failure failure = Failure.of(error);
        err.println("cogauth: " + PrintableText.line(failure.message()));
        if (failure.hintOrNull() != null) {
            err.println("cogauth: hint: " + PrintableText.line(failure.hintOrNull()));
        }
        if (debug) {
            if (failure.exitCode() == ExitCode.BUG) {
                error.printStackTrace(err);
            } else {
                Failure.debugLines(error).forEach(line -> err.println("debug: " + PrintableText.line(line)));
            }
        }
        err.flush();
        return failure.exitCode();
    }
}
