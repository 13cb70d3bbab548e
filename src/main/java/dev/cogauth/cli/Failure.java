package dev.cogauth.cli;

import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.api.CognitoUnreachableException;
import dev.cogauth.config.ConfigException;
import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.SignInCancelledException;
import dev.cogauth.flow.UnsupportedChallengeException;
import dev.cogauth.oauth.BrowserSignInException;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.tokens.CacheException;
import dev.cogauth.tokens.SignInNeededException;
import dev.cogauth.tokens.TokenLifetimeException;
import java.util.Locale;
import java.util.Set;

/** What a failure means to the user: one line and a documented exit code. The only such mapping. */
record Failure(int exitCode, String message) {
    /** Errors after which retrying later may work: throttling and the service's own trouble. */
    private static final Set<String> SERVICE_TROUBLE = Set.of(
            ErrorType.TOO_MANY_REQUESTS, ErrorType.LIMIT_EXCEEDED, ErrorType.INTERNAL_ERROR);

    static Failure of(Throwable error) {
        if (error instanceof CognitoServiceException e) {
            return ofService(e);
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
        if (error instanceof SignInNeededException e) {
            return new Failure(ExitCode.INPUT_NEEDED, e.getMessage());
        }
        if (error instanceof CacheException e) {
            return new Failure(ExitCode.CONFIG, e.getMessage());
        }
        if (error instanceof TokenLifetimeException e) {
            return new Failure(ExitCode.USAGE, e.getMessage());
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
        if (SERVICE_TROUBLE.contains(type) || e.statusCode() >= 500) {
            return new Failure(ExitCode.SERVICE, "Cognito is unavailable: " + message + " (" + type + ")");
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

    private static boolean isExpiredSession(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("session is expired") || lower.contains("invalid session");
    }
}
