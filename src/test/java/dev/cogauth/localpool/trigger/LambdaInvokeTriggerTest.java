package dev.cogauth.localpool.trigger;

import static dev.cogauth.localpool.trigger.TriggerEvents.JSON;
import static dev.cogauth.localpool.trigger.TriggerEvents.verify;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cogauth.localpool.trigger.TriggerException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs against a loopback stand-in for {@code sam local start-lambda} with a few canned functions. */
class LambdaInvokeTriggerTest {

    private static final String PREFIX = "/2015-03-31/functions/";
    private static final String SUFFIX = "/invocations";

    private final Queue<String> seen = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private URI endpoint;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, this::invoke);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    /** The canned functions, by name: what a local Lambda emulator would answer. */
    private void invoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String function = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            switch (function) {
                case "verify":
                    ObjectNode event = (ObjectNode) JSON.readTree(body);
                    ((ObjectNode) event.get("response")).put("answerCorrect",
                            event.at("/request/challengeAnswer").asText().equals(event.at("/request/privateChallengeParameters/answer").asText()));
                    answer(exchange, 200, Map.of(), event.toString());
                    break;
                case "throws":
                    answer(exchange, 200, Map.of("X-Amz-Function-Error", "Unhandled"),
                            "{\"errorMessage\":\"no such user\",\"errorType\":\"Error\",\"stackTrace\":[]}");
                    break;
                case "throwsOddly":
                    answer(exchange, 200, Map.of("X-Amz-Function-Error", "Unhandled"), "Segmentation fault");
                    break;
                case "garbage":
                    answer(exchange, 200, Map.of(), "<html>not json</html>");
                    break;
                case "array":
                    answer(exchange, 200, Map.of(), "[1,2]");
                    break;
                case "null":
                    answer(exchange, 200, Map.of(), "null");
                    break;
                case "empty":
                    answer(exchange, 200, Map.of(), "");
                    break;
                case "slow":
                    release.await(10, TimeUnit.SECONDS);
                    answer(exchange, 200, Map.of(), body);
                    break;
                case "broken":
                    answer(exchange, 502, Map.of(), "{\"message\":\"container failed to start\"}");
                    break;
                default:
                    answer(exchange, 404, Map.of(), "{\"Type\":\"User\",\"Message\":\"Function not found: arn:aws:lambda:us-west-2:012345678901:function:" + function + "\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private LambdaInvokeTrigger trigger(String function) {
        return new LambdaInvokeTrigger(endpoint, function, Duration.ofSeconds(60));  // generous: load must not fail a call
    }

    @Nested
    class AFunctionThatAnswers {

        @ParameterizedTest(name = "[{index}] answer {0} → {1}")
        @CsvSource({"right, true", "wrong, false"})
        void returnsTheEventItReturned(String answer, boolean correct) throws TriggerException {
            ObjectNode result = trigger("verify").invoke(verify(answer, "right"));

            assertEquals(correct, result.at("/response/answerCorrect").asBoolean(!correct), result::toString);
            assertEquals("alice", result.path("userName").asText());
        }

        @Test
        void isPostedAsJsonToTheInvocationsPath() throws TriggerException {
            new LambdaInvokeTrigger(URI.create(endpoint + "/"), "verify", Duration.ofSeconds(60)).invoke(verify("a", "a"));

            assertEquals("POST /2015-03-31/functions/verify/invocations application/json", seen.peek());
        }
    }

    @Nested
    class AFunctionError {

        @Test
        void isAHandlerErrorWithItsMessage() {
            TriggerException error = assertThrows(TriggerException.class, () -> trigger("throws").invoke(verify("a", "b")));

            assertEquals(Kind.HANDLER_ERROR, error.kind());
            assertEquals("no such user", error.getMessage());
        }

        @Test
        void withoutAnErrorMessageIsStillAHandlerError() {
            TriggerException error = assertThrows(TriggerException.class, () -> trigger("throwsOddly").invoke(verify("a", "b")));

            assertEquals(Kind.HANDLER_ERROR, error.kind());
            assertEquals("Lambda function throwsOddly failed (Unhandled)", error.getMessage());
        }
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource({
        "garbage, returned something that is not JSON",
        "array,   returned array instead of the event object",
        "null,    returned nothing instead of the event object",
        "empty,   returned nothing instead of the event object",
    })
    void anAnswerThatIsNoEventIsMalformed(String function, String message) {
        TriggerException error = assertThrows(TriggerException.class, () -> trigger(function).invoke(verify("a", "b")));

        assertEquals(Kind.MALFORMED_RESPONSE, error.kind());
        assertEquals("Lambda function " + function + " " + message, error.getMessage());
    }

    @Nested
    class AnEndpointThatCannotServe {

        @Test
        void unknownFunctionIsUnavailable() {
            TriggerException error = assertThrows(TriggerException.class, () -> trigger("nope").invoke(verify("a", "b")));

            assertAll(
                    () -> assertEquals(Kind.UNAVAILABLE, error.kind()),
                    () -> assertTrue(error.getMessage().contains("answered HTTP 404: Function not found:"), error.getMessage()));
        }

        @Test
        void serverErrorIsUnavailable() {
            TriggerException error = assertThrows(TriggerException.class, () -> trigger("broken").invoke(verify("a", "b")));

            assertEquals(Kind.UNAVAILABLE, error.kind());
            assertTrue(error.getMessage().endsWith("answered HTTP 502: container failed to start"), error.getMessage());
        }

        @Test
        void slowFunctionTimesOut() {
            LambdaInvokeTrigger slow = new LambdaInvokeTrigger(endpoint, "slow", Duration.ofMillis(300));

            TriggerException error = assertThrows(TriggerException.class, () -> slow.invoke(verify("a", "b")));

            assertEquals(Kind.UNAVAILABLE, error.kind());
            assertEquals("Lambda function slow timed out after 0.3 seconds", error.getMessage());
        }

        @Test
        void refusedConnectionIsUnavailable() {
            server.stop(0);

            TriggerException error = assertThrows(TriggerException.class, () -> trigger("verify").invoke(verify("a", "b")));

            assertEquals(Kind.UNAVAILABLE, error.kind());
            assertEquals("Cannot reach the Lambda endpoint " + endpoint + PREFIX + "verify" + SUFFIX + ": connection refused",
                    error.getMessage());
        }
    }

    @Test
    void aFunctionNameIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new LambdaInvokeTrigger(endpoint, " ", Duration.ofSeconds(1)));
    }
}
