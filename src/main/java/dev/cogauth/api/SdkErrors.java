package dev.cogauth.api;

import java.net.UnknownHostException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The only translation of the SDK's exceptions into the port's two kinds, shared by the SDK adapters:
 * an error the service answered ({@link CognitoServiceException}) or no usable answer
 * ({@link CognitoUnreachableException}, whose message says why in words a user can act on).
 */
final class SdkErrors {
    private static final String UNKNOWN_ERROR = "UnknownError";
    private SdkErrors() {
    }

    /** Runs one SDK call against {@code target} (the endpoint, for messages), translating its failures; a timeout names {@code timeouts}. */
    static <T> T call(String target, CallTimeouts timeouts, Supplier<T> request) {
        try {
            return request.get();
        } catch (AwsServiceException e) {
            throw translate(e, target);
        } catch (SdkClientException e) {
            if (SdkClients.timedOut(e)) {
                throw new CognitoTimeoutException(target, timeouts.overall(), e);
            }
            throw translate(e, target);
        }
    }

    static RuntimeException translate(AwsServiceException e, String target) {
        String type = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if (type == null && e.statusCode() < 500) {
            // A 4xx without Cognito's __type: a proxy's or some other server's page, not the pool's refusal.
            return new CognitoUnreachableException(notCognito(target, "HTTP " + e.statusCode()), e);
        }
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        // "UnknownError" is how a server that does not know an operation may answer (moto: a bare 500), and
        // the token refresher falls back on it.
        CognitoServiceException error = new CognitoServiceException(type == null ? UNKNOWN_ERROR : type,
                message != null ? message : type != null ? type : "HTTP " + e.statusCode(), e.statusCode(),
                e.isThrottlingException());
        error.initCause(e);
        return error;
    }

    static CognitoUnreachableException translate(SdkClientException e, String target) {
        Throwable root = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return new CognitoUnreachableException("cannot reach " + target + ": unknown host; check the region"
                        + " (--region, the pool id's prefix) or --endpoint-url", e);
            }
            if (isUnreadableAnswer(cause)) {
                return new CognitoUnreachableException(notCognito(target, null), e);
            }
            root = cause;
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
        return new CognitoUnreachableException("cannot reach " + target + ": " + reason, e);
    }

    private static String notCognito(String target, String detail) {
        return target + " answered something that is not Cognito's JSON"
                + (detail == null ? "" : " (" + detail + ")") + ": a cut-off answer, or not a Cognito endpoint";
    }

    /**
     * A body the JSON parser could not read (the SDK shades Jackson, so the class is known by name only), or an
     * answer that is not HTTP at all.
     */
    private static boolean isUnreadableAnswer(Throwable cause) {
        String name = cause.getClass().getName();
        return name.contains(".jackson.") && name.endsWith("Exception")
                || "Invalid Http response".equals(cause.getMessage());
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
