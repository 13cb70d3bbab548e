package dev.cogauth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParseException;
import software.amazon.awssdk.thirdparty.jackson.core.io.JsonEOFException;

/** How each kind of SDK failure reaches the port, with the SDK's own exceptions as the SDK builds them. */
class SdkErrorsTest {
    private static final String TARGET = "http://127.0.0.1:9229";

    private static AwsServiceException answered(String code, String message, int status) {
        return AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .statusCode(status).build();
    }

    @ParameterizedTest(name = "[{index}] {0} {2}")
    @CsvSource(delimiter = '|', value = {
        "ThrottlingException       | Rate exceeded                 | 400 | true",
        "TooManyRequestsException  | Too many requests             | 400 | true",
        "RequestLimitExceeded      | Request limit exceeded        | 400 | true",
        "NotAuthorizedException    | Incorrect username or password. | 400 | false",
        "InternalErrorException    | Internal error                | 500 | false",
    })
    void anErrorTheServiceAnsweredKeepsItsTypeAndTheSdksThrottlingVerdict(String code, String message, int status,
                                                                         boolean throttling) {
        RuntimeException error = SdkErrors.translate(answered(code, message, status), TARGET);
        CognitoServiceException service = assertInstanceOf(CognitoServiceException.class, error);
        assertEquals(code, service.errorType());
        assertEquals(message, service.getMessage());
        assertEquals(status, service.statusCode());
        assertEquals(throttling, service.throttling());
    }

    @Test
    void aClientErrorStatusWithoutCognitosTypeIsNotCognitosAnswer() {
        RuntimeException error = SdkErrors.translate(answered(null, null, 400), TARGET);
        assertInstanceOf(CognitoUnreachableException.class, error);
        assertEquals(TARGET + " answered something that is not Cognito's JSON (HTTP 400): a cut-off answer,"
                + " or not a Cognito endpoint", error.getMessage());
    }

    @Test
    void aServerErrorWithoutATypeIsAnUnknownErrorNamedByItsStatus() {
        CognitoServiceException error = assertInstanceOf(CognitoServiceException.class,
                SdkErrors.translate(answered(null, null, 503), TARGET));
        assertEquals("UnknownError", error.errorType());
        assertEquals("HTTP 503", error.getMessage());
        assertEquals(503, error.statusCode());
    }

    @Test
    void anUnknownHostSaysSoAndWhatToCheck() {
        SdkClientException sdk = SdkClientException.create("Unable to execute HTTP request: cognito-idp.xx-east-9"
                + ".amazonaws.com", new UnknownHostException("cognito-idp.xx-east-9.amazonaws.com"));
        CognitoUnreachableException error = SdkErrors.translate(sdk, "cognito-idp.xx-east-9.amazonaws.com");
        assertEquals("cannot reach cognito-idp.xx-east-9.amazonaws.com: unknown host; check the region (--region,"
                + " the pool id's prefix) or --endpoint-url", error.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"garbage", "truncated", "not HTTP"})
    void anAnswerThatIsNotCognitosJsonIsOneLineWithoutParserDetails(String kind) {
        Throwable cause = switch (kind) {
            case "garbage" -> new JsonParseException(null, "Unexpected character ('<' (code 60))\n at [Source: x]");
            case "truncated" -> new JsonEOFException(null, null, "Unexpected end-of-input in field name");
            default -> new IOException("Invalid Http response");
        };
        CognitoUnreachableException error = SdkErrors.translate(SdkClientException.create("Unable to unmarshall", cause),
                TARGET);
        assertEquals(TARGET + " answered something that is not Cognito's JSON: a cut-off answer, or not a Cognito"
                + " endpoint", error.getMessage());
    }

    @Test
    void noConnectionGivesTheRootReasonsFirstLine() {
        SdkClientException sdk = SdkClientException.create("Unable to execute HTTP request: Connection refused",
                new ConnectException("Connection refused\nmore"));
        String message = SdkErrors.translate(sdk, TARGET).getMessage();
        assertEquals("cannot reach " + TARGET + ": Connection refused", message);
        assertFalse(message.contains("\n"));
    }
}
