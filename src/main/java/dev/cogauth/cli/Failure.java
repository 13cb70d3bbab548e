package dev.cogauth.cli;

import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.api.CognitoUnreachableException;
import dev.cogauth.config.ConfigException;
import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.RefusedAfterAnswersException;
import dev.cogauth.flow.SignInCancelledException;
import dev.cogauth.flow.UnsupportedChallengeException;
import dev.cogauth.oauth.BrowserSignInException;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.tokens.CacheException;
import dev.cogauth.tokens.NoIdTokenException;
import dev.cogauth.tokens.SignInNeededException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a failure means to the user: one line, sometimes a hint line, and a documented exit code. The only such
 * mapping.
 */
record Failure(int exitCode, String message, String hintOrNull) {
    /**
     * Errors after which retrying later may work: throttling and the service's own trouble. So are whatever the
     * SDK counts as throttling, 429 and every 5xx, which the SDK has already retried by then.
     */
    private static final Set<String> SERVICE_TROUBLE = Set.of(ErrorType.THROTTLING,
            ErrorType.TOO_MANY_REQUESTS, ErrorType.LIMIT_EXCEEDED, ErrorType.INTERNAL_ERROR);
    private static final int TOO_MANY_REQUESTS_STATUS = 429;

    Failure(int exitCode, String message) {
        this(exitCode, message, null);
    }

    static Failure of(Throwable error) {
        if (error instanceof CognitoServiceException e) {
            return ofService(e);
        }
        if (error instanceof RefusedAfterAnswersException e) {
            Failure refusal = ofService(e.refusal());
            return isExpiredSession(e.getMessage()) ? refusal : new Failure(refusal.exitCode(), refusal.message(),
                    "refused after " + e.answers() + (e.answers() == 1 ? " answer" : " answers")
                            + ": the pool's Define Auth Challenge trigger ended the sign-in"
                            + " (Cognito words every such end as a wrong password)");
        }
        if (error instanceof CognitoUnreachableException e) {
            return new Failure(ExitCode.SERVICE, e.getMessage());
        }
        if (error instanceof ConfigException e) {
            return new Failure(ExitCode.CONFIG, e.getMessage());
        }
        if (error instanceof InputUnavailableException e) {
            return new Failure(ExitCode.INPUT_NEEDED, e.getMessage());
        }
        if (error instanceof SignInCancelledException e) {
            return new Failure(e.endOfInput() ? ExitCode.INPUT_NEEDED : ExitCode.INTERRUPTED, e.getMessage());
        }
        if (error instanceof UnsupportedChallengeException e) {
            return new Failure(ExitCode.REFUSED, e.getMessage());
        }
        if (error instanceof SignInNeededException || error instanceof NoIdTokenException) {
            return new Failure(ExitCode.INPUT_NEEDED, error.getMessage());
        }
        if (error instanceof CacheException e) {
            return new Failure(ExitCode.CONFIG, e.getMessage());
        }
        if (error instanceof BrowserSignInException e) {
            return new Failure(switch (e.kind()) {
                case REFUSED -> ExitCode.REFUSED;
                case TIMED_OUT -> ExitCode.INPUT_NEEDED;
                case UNUSABLE_REDIRECT -> ExitCode.CONFIG;
                case UNREACHABLE -> ExitCode.SERVICE;
            }, e.getMessage());
        }
        if (error instanceof UsageException e) {
            return new Failure(ExitCode.USAGE, e.getMessage());
        }
        if (error instanceof UnwritableOutputException e) {
            return new Failure(ExitCode.BUG, e.getMessage());
        }
        return new Failure(ExitCode.BUG, "internal error: " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()) + " (run with --debug for details)");
    }

    private static Failure ofService(CognitoServiceException e) {
        String type = e.errorType();
        String message = e.getMessage() == null ? type : e.getMessage();
        if (SERVICE_TROUBLE.contains(type) || e.throttling() || e.statusCode() == TOO_MANY_REQUESTS_STATUS
                || e.statusCode() >= 500) {
            return new Failure(ExitCode.SERVICE, "Cognito is busy or unavailable even after retries, retry later: "
                    + message + " (" + type + ")");
        }
        if (ErrorType.RESOURCE_NOT_FOUND.equals(type)) {
            return new Failure(ExitCode.CONFIG, "the pool or app client was not found: " + message + " (" + type + ")");
        }
        if (ErrorType.NOT_AUTHORIZED.equals(type) && isExpiredSession(message)) {
            return new Failure(ExitCode.REFUSED, "the sign-in session expired (a session lasts 3 minutes by default):"
                    + " run cogauth signin again and answer sooner (" + type + ")");
        }
        return new Failure(ExitCode.REFUSED, "sign-in refused: " + message + " (" + type + ")");
    }

    /**
     * What --debug adds below the line: the pool's error as it answered it, and each cause in one line, not the
     * SDK's stack. A stack trace only for an internal error, which is a bug to report.
     */
    static List<String> debugLines(Throwable error) {
        List<String> lines = new ArrayList<>();
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CognitoServiceException e) {
                lines.add("the pool answered HTTP " + e.statusCode() + " " + e.errorType() + ": " + e.getMessage());
            } else if (cause != error) {
                lines.add("caused by " + cause.getClass().getSimpleName() + describeCause(cause));
            }
        }
        return lines;
    }

    /** A cause's first line; a JSON parser's text is left out, as it may quote the answer (tokens). */
    private static String describeCause(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || cause.getClass().getName().contains(".jackson.")) {
            return "";
        }
        int newline = message.indexOf('\n');
        return ": " + (newline < 0 ? message : message.substring(0, newline));
    }

    private static boolean isExpiredSession(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("session is expired") || lower.contains("invalid session");
    }
}
