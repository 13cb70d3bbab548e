package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The jar against endpoints that answer, but not as Cognito should: throttling, the service's own trouble,
 * garbage, half an answer, something that is not HTTP, a host that does not exist. Each is one line on stderr
 * and exit 6 (service trouble), with the password nowhere.
 */
class MisbehavingEndpointIT {
    private static final String PASSWORD = "Some-pass-1";
    private static final String JSON = "application/x-amz-json-1.1";

    private static Cogauth.Result signIn(String endpoint) {
        return Cogauth.run().env("COGAUTH_PASSWORD", PASSWORD).exec("signin", "--pool-id", "us-east-1_Abc123",
                "--client-id", "1example23456789abcdefghij", "--endpoint-url", endpoint,
                "--auth-flow", "USER_PASSWORD_AUTH", "-u", "alice", "--no-input");
    }

    private static Cogauth.Result oneLineExit6(Cogauth.Result run) {
        run.assertExit(6);
        assertEquals(1, run.stderrLines().size(), run::describe);
        run.check(run.stderr().startsWith("cogauth: "), "one cogauth: line");
        run.check(run.stdout().isEmpty() && !run.hasStackTrace(), "no stdout, no stack trace");
        run.check(!run.stderr().contains(PASSWORD), "no password");
        run.check(!run.stderr().contains("software.amazon") && !run.stderr().contains("[Source"), "no SDK names");
        return run;
    }

    /** The SDK retries throttling and 5xx before cogauth sees them; LimitExceededException it does not retry. */
    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "ThrottlingException      | 400 | Rate exceeded                                        | true",
        "TooManyRequestsException | 400 | Too many requests                                    | true",
        "LimitExceededException   | 400 | Attempt limit exceeded, please try after some time.  | false",
        "InternalErrorException   | 500 | Internal error                                       | true",
        "SomethingNewException    | 503 | Service Unavailable                                  | true",
    })
    void throttlingAndServiceTroubleAreExit6SayingRetryLater(String type, int status, String message,
                                                            boolean sdkRetries) throws IOException {
        try (MisbehavingServer server = MisbehavingServer.http(status, JSON,
                "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")) {
            Cogauth.Result run = oneLineExit6(signIn(server.endpoint()));
            run.check(run.stderr().contains("retry later"), "says to retry later");
            run.check(run.stderr().contains(message) && run.stderr().contains(type), "keeps the service's words");
            run.check(sdkRetries == server.requests() > 1, "the SDK retried first when it should (" + server.requests()
                    + " requests)");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "an HTML page with 200     | HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\nContent-Length: 18\\r\\n\\r\\n<html>hello</html>",
        "an HTML page with 400     | HTTP/1.1 400 Bad Request\\r\\nContent-Type: text/html\\r\\nContent-Length: 18\\r\\n\\r\\n<html>hello</html>",
        "half a JSON answer        | HTTP/1.1 200 OK\\r\\nContent-Type: application/x-amz-json-1.1\\r\\nContent-Length: 300\\r\\n\\r\\n{\"ChallengeName\":\"PASSWORD_VERIFIER\",\"Sess",
        "something that is not HTTP | garbage garbage\\r\\n\\r\\n",
    })
    void anAnswerThatIsNotCognitosJsonIsOneLineNamingTheEndpoint(String what, String raw) throws IOException {
        try (MisbehavingServer server = MisbehavingServer.answering(raw.replace("\\r\\n", "\r\n"))) {
            Cogauth.Result run = oneLineExit6(signIn(server.endpoint()));
            run.check(run.stderr().contains(server.endpoint() + " answered something that is not Cognito's JSON"),
                    what + ": says what the endpoint answered");
        }
    }

    /** The report's refusal: a window title and a screen clear in the pool's message, a C1 CSI, a bidi override. */
    @Test
    void escapeSequencesInThePoolsWordsAreShownNotObeyed() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.http(400, JSON, "{\"__type\":\"NotAuthorizedException\","
                + "\"message\":\"Bad\\u001b]0;PWNED\\u0007 \\u001b[2J\\u009b2J\\u202etxt.exe\\r\\ncogauth: fine\"}")) {
            Cogauth.Result run = signIn(server.endpoint());

            run.assertExit(3);
            assertEquals(1, run.stderrLines().size(), run::describe);
            run.check(run.stderr().contains("sign-in refused: Bad\\x1b]0;PWNED\\x07 \\x1b[2J\\x9b2J\\u202etxt.exe"
                    + "\\x0d\\x0acogauth: fine (NotAuthorizedException)"), "the message with its escapes shown");
            assertNoControlCharacters(run);
        }
    }

    /** A custom challenge's question and parameters, with --debug tracing them: shown, not obeyed. */
    @Test
    void escapeSequencesInChallengeParametersAreShownNotObeyed() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.http(200, JSON, "{\"ChallengeName\":\"CUSTOM_CHALLENGE\","
                + "\"Session\":\"s\",\"ChallengeParameters\":{\"USERNAME\":\"alice\","
                + "\"question\":\"Sure?\\u001b[2J\\u001b]0;PWNED\\u0007\"}}")) {
            Cogauth.Result run = Cogauth.run().answers("42").exec("signin", "--pool-id", "us-east-1_Abc123",
                    "--client-id", "1example23456789abcdefghij", "--endpoint-url", server.endpoint(),
                    "--auth-flow", "CUSTOM_WITHOUT_SRP", "-u", "alice", "--debug");

            run.check(run.stderr().contains("Sure?\\x1b[2J\\x1b]0;PWNED\\x07"), "the question with its escapes shown");
            assertNoControlCharacters(run);
        }
    }

    private static void assertNoControlCharacters(Cogauth.Result run) {
        String stderr = run.stderr();
        for (int i = 0; i < stderr.length(); i++) {
            char c = stderr.charAt(i);
            if (c != '\n' && c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e))) {
                throw new AssertionError(String.format("U+%04X on stderr at %d:%n%s", (int) c, i, run.describe()));
            }
        }
    }

    @Test
    void anUnknownHostSaysSoAndSuggestsTheRegionOrEndpoint() {
        // .invalid never resolves (RFC 2606).
        Cogauth.Result run = oneLineExit6(signIn("http://cognito.example.invalid:9229"));
        run.check(run.stderr().contains("cannot reach http://cognito.example.invalid:9229: unknown host"),
                "names the host as unknown");
        run.check(run.stderr().contains("--region") && run.stderr().contains("--endpoint-url"), "says what to check");
    }
}
