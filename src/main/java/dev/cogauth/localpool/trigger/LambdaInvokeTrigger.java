package dev.cogauth.localpool.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.TriggerException.Kind;
import dev.cogauth.protocol.Form;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A trigger served by the Lambda Invoke API, as {@code sam local start-lambda} (or any other
 * local Lambda emulator) serves it: {@code POST {endpoint}/2015-03-31/functions/{name}/invocations}
 * with the event as body, the returned event as answer. Requests are not signed, so this is for
 * local emulators, not for the real AWS Lambda service.
 */
public final class LambdaInvokeTrigger implements Trigger {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 200;

    private final URI invocations;
    private final String functionName;
    private final Duration timeout;
    private final HttpClient http;

    public LambdaInvokeTrigger(URI endpoint, String functionName, Duration timeout) {
        if (functionName == null || functionName.isBlank()) {
            throw new IllegalArgumentException("A Lambda function name is required");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The trigger timeout must be positive, not " + timeout);
        }
        String base = endpoint.toString().replaceAll("/+$", "");
        String encodedName = Form.component(functionName);
        this.invocations = URI.create(base + "/2015-03-31/functions/" + encodedName + "/invocations");
        this.functionName = functionName;
        this.timeout = timeout;
        // HTTP/1.1: no h2c upgrade attempt, which some local emulators mishandle on a POST.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public ObjectNode invoke(ObjectNode event) throws TriggerException {
        HttpResponse<String> response = post(event);
        Optional<String> functionError = response.headers().firstValue("X-Amz-Function-Error");
        if (response.statusCode() / 100 != 2) {
            throw new TriggerException(Kind.UNAVAILABLE, "Lambda function " + functionName + " at " + invocations
                    + " answered HTTP " + response.statusCode() + detail(response.body()));
        }
        if (functionError.isPresent()) {
            throw new TriggerException(Kind.HANDLER_ERROR, errorMessage(response.body(), functionError.get()));
        }
        return returnedEvent(response.body());
    }

    private HttpResponse<String> post(ObjectNode event) throws TriggerException {
        HttpRequest request = HttpRequest.newBuilder(invocations)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Amz-Invocation-Type", "RequestResponse")
                .POST(HttpRequest.BodyPublishers.ofString(event.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new TriggerException(Kind.UNAVAILABLE, "Lambda function " + functionName + " timed out after "
                    + String.format(Locale.ROOT, "%.1f", timeout.toMillis() / 1000.0) + " seconds", e);
        } catch (ConnectException e) {
            throw new TriggerException(Kind.UNAVAILABLE,
                    "Cannot reach the Lambda endpoint " + invocations + ": connection refused", e);
        } catch (IOException e) {
            throw new TriggerException(Kind.UNAVAILABLE,
                    "Cannot reach the Lambda endpoint " + invocations + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TriggerException(Kind.UNAVAILABLE, "Lambda function " + functionName + " was interrupted", e);
        }
    }

    private ObjectNode returnedEvent(String body) throws TriggerException {
        JsonNode returned;
        try {
            returned = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TriggerException(Kind.MALFORMED_RESPONSE,
                    "Lambda function " + functionName + " returned something that is not JSON");
        }
        if (returned == null || !returned.isObject()) {
            String what = returned == null || returned.isNull() || returned.isMissingNode()
                    ? "nothing" : returned.getNodeType().name().toLowerCase(Locale.ROOT);
            throw new TriggerException(Kind.MALFORMED_RESPONSE,
                    "Lambda function " + functionName + " returned " + what + " instead of the event object");
        }
        return (ObjectNode) returned;
    }

    private String errorMessage(String body, String functionError) {
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.path("errorMessage").isTextual()) {
                return error.get("errorMessage").asText();
            }
        } catch (JsonProcessingException e) {
            // Not the usual {"errorMessage", "errorType"}: fall through to a generic message.
        }
        return "Lambda function " + functionName + " failed (" + functionError + ")";
    }

    /** The emulator's own explanation, e.g. sam's {"Message": "Function not found: ..."}, kept short. */
    private static String detail(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            String message = error == null ? "" : error.path("Message").asText(error.path("message").asText(""));
            if (message.isBlank()) {
                return "";
            }
            String oneLine = message.lines().findFirst().orElse("");
            return ": " + (oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL) + "…" : oneLine);
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
