package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.api.CognitoUnreachableException;
import dev.cogauth.config.ConfigException;
import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.RefusedAfterAnswersException;
import dev.cogauth.flow.SignInCancelledException;
import dev.cogauth.flow.UnsupportedChallengeException;
import java.net.ConnectException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every failure becomes one line and a documented exit code, in Failure and nowhere else. */
class FailureTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new CognitoUnreachableException("cannot reach http://127.0.0.1:9: Connection refused",
                                new ConnectException("Connection refused")),
                        ExitCode.SERVICE, "cannot reach http://127.0.0.1:9: Connection refused"),
                Arguments.of(new ConfigException("aws.json", "CognitoUserPool.Default.PoolId", "missing"),
                        ExitCode.CONFIG, "aws.json: CognitoUserPool.Default.PoolId: missing"),
                Arguments.of(new InputUnavailableException("stdin ended while asking for Password"),
                        ExitCode.INPUT_NEEDED, "stdin ended while asking for Password"),
                Arguments.of(new SignInCancelledException("input ended at the prompt for Password", true),
                        ExitCode.INPUT_NEEDED, "input ended at the prompt for Password"),
                Arguments.of(new SignInCancelledException("interrupted at the prompt for Password", false),
                        ExitCode.INTERRUPTED, "interrupted at the prompt for Password"),
                Arguments.of(new UnsupportedChallengeException("the pool asked for challenge WEB_AUTHN, which cogauth cannot answer"),
                        ExitCode.REFUSED, "the pool asked for challenge WEB_AUTHN, which cogauth cannot answer"),
                Arguments.of(new UsageException("--auth-flow: unknown flow 'X'"),
                        ExitCode.USAGE, "--auth-flow: unknown flow 'X'"),
                Arguments.of(new UnwritableOutputException("cannot write the tokens to stdout"),
                        ExitCode.BUG, "cannot write the tokens to stdout"),
                Arguments.of(new IllegalStateException("boom"),
                        ExitCode.BUG, "internal error: IllegalStateException: boom (run with --debug for details)"),
                Arguments.of(new NullPointerException(),
                        ExitCode.BUG, "internal error: NullPointerException (run with --debug for details)"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("failures")
    void mapsEachKindOfFailure(Throwable error, int exitCode, String message) {
        Failure failure = Failure.of(error);
        assertEquals(exitCode, failure.exitCode(), "exit code");
        assertEquals(message, failure.message(), "message");
    }

    @Nested
    class ARefusalAfterCustomAnswers {

        @Test
        void addsAHintThatTheDefineTriggerEndedIt() {
            Failure failure = Failure.of(refusedAfter(3, "Incorrect username or password."));
            assertEquals(ExitCode.REFUSED, failure.exitCode());
            assertEquals("sign-in refused: Incorrect username or password. (NotAuthorizedException)", failure.message());
            assertEquals("refused after 3 answers: the pool's Define Auth Challenge trigger ended the sign-in"
                    + " (Cognito words every such end as a wrong password)", failure.hintOrNull());
        }

        @Test
        void butAnExpiredSessionIsJustThat() {
            Failure failure = Failure.of(refusedAfter(1, "Invalid session for the user, session is expired."));
            assertTrue(failure.message().contains("session expired"), failure::message);
            assertEquals(null, failure.hintOrNull());
        }

        private static Throwable refusedAfter(int answers, String message) {
            return new RefusedAfterAnswersException(answers, new CognitoServiceException("NotAuthorizedException",
                    message, 400));
        }
    }

    @Nested
    class DebugLines {

        @Test
        void showThePoolsErrorAndEachCauseInOneLine() {
            CognitoServiceException error = new CognitoServiceException("UserLambdaValidationException",
                    "CreateAuthChallenge failed with error boom.", 400);
            error.initCause(new IllegalStateException("Service returned an error\nsecond line"));
            assertEquals(java.util.List.of(
                    "the pool answered HTTP 400 UserLambdaValidationException: CreateAuthChallenge failed with error boom.",
                    "caused by IllegalStateException: Service returned an error"), Failure.debugLines(error));
        }
    }

    @Nested
    class ErrorsThePoolAnswered {

        @ParameterizedTest(name = "[{index}] {0} ({2}) -> {3}")
        @CsvSource(delimiter = '|', value = {
            // Refusals: the user can fix them, retrying as is won't help.
            "NotAuthorizedException          | Incorrect username or password.        | 400 | 3",
            "UserNotFoundException           | User does not exist.                   | 400 | 3",
            "UserNotConfirmedException       | User is not confirmed.                 | 400 | 3",
            "PasswordResetRequiredException  | Password reset required for the user   | 400 | 3",
            "CodeMismatchException           | Invalid code received for user         | 400 | 3",
            "ExpiredCodeException            | Invalid code provided, please retry.   | 400 | 3",
            "InvalidPasswordException        | Password does not conform to policy    | 400 | 3",
            "UserLambdaValidationException   | PreAuthentication failed with error x. | 400 | 3",
            // Trouble at the service: retry later.
            "ThrottlingException             | Rate exceeded                          | 400 | 6",
            "TooManyRequestsException        | Rate exceeded                          | 400 | 6",
            "SomeThrottleException           | Slow down                              | 429 | 6",
            "LimitExceededException          | Attempt limit exceeded                 | 400 | 6",
            "InternalErrorException          | Internal error                         | 500 | 6",
            "SomethingNewException           | Service Unavailable                    | 503 | 6",
            // A pool or client that does not exist is a config problem.
            "ResourceNotFoundException       | User pool client abc does not exist.   | 400 | 5",
        })
        void byTypeAndStatus(String type, String message, int status, int exitCode) {
            Failure failure = Failure.of(new CognitoServiceException(type, message, status));
            assertEquals(exitCode, failure.exitCode(), "exit code");
            assertTrue(failure.message().contains(message), () -> "keeps Cognito's words: " + failure.message());
            assertTrue(failure.message().endsWith("(" + type + ")"), () -> "names the type: " + failure.message());
            assertFalse(failure.message().contains("\n"), "one line");
        }

        @Test
        void serviceTroubleSaysToRetryLater() {
            Failure failure = Failure.of(new CognitoServiceException("ThrottlingException", "Rate exceeded", 400));
            assertEquals("Cognito is busy or unavailable even after retries, retry later: Rate exceeded"
                    + " (ThrottlingException)", failure.message());
        }

        @Test
        void whatTheSdkCountsAsThrottlingIsServiceTroubleWhateverItsName() {
            Failure failure = Failure.of(new CognitoServiceException("RequestThrottled", "Slow down", 400, true));
            assertEquals(ExitCode.SERVICE, failure.exitCode());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "Invalid session for the user, session is expired.",
            "Invalid session for the user.",
        })
        void anExpiredSessionSaysSoAndSuggestsSigningInAgain(String message) {
            Failure failure = Failure.of(new CognitoServiceException("NotAuthorizedException", message, 400));
            assertEquals(ExitCode.REFUSED, failure.exitCode());
            assertTrue(failure.message().contains("session expired"), failure::message);
            assertTrue(failure.message().contains("cogauth signin again"), failure::message);
        }

        @Test
        void withoutAMessageTheTypeIsTheMessage() {
            Failure failure = Failure.of(new CognitoServiceException("UserNotFoundException", null, 400));
            assertEquals("sign-in refused: UserNotFoundException (UserNotFoundException)", failure.message());
        }
    }
}
