package dev.cogauth.localpool.trigger;

import static dev.cogauth.localpool.trigger.TriggerEvents.testHandler;
import static dev.cogauth.localpool.trigger.TriggerEvents.verify;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.TriggerException.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeTriggerHostTest {

    /**
     * Generous: a call's timeout counts the worker's start too, which a loaded machine can make slow; only the calls
     * whose timeout is the subject get a short one of their own.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private NodeTriggerHost host;

    @BeforeEach
    void startHost() {
        NodeRequirement.assumeNodeOnPath();
        host = NodeTriggerHost.start(TIMEOUT, log::add);
    }

    @AfterEach
    void closeHost() {
        if (host != null) {
            host.close();
        }
    }

    private ObjectNode call(String file, String export, ObjectNode event) throws TriggerException {
        return host.handler(testHandler(file), export).invoke(event);
    }

    /** The host's lines come from node's stderr through a reader thread: waited for, with a bound no load reaches. */
    private void awaitLogLine(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (log.stream().noneMatch(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private TriggerException failure(String file, String export) {
        return assertThrows(TriggerException.class, () -> call(file, export, verify("a", "b")));
    }

    @Nested
    class EveryLambdaHandlerStyle {

        @ParameterizedTest(name = "[{index}] {0}#{1} answer {2} → {3}")
        @CsvSource({
            "styles.js,  asyncReturn,    right, true",
            "styles.js,  asyncReturn,    wrong, false",
            "styles.js,  promiseReturn,  right, true",
            "styles.js,  promiseReturn,  wrong, false",
            "styles.js,  callback,       right, true",
            "styles.js,  callback,       wrong, false",
            "styles.js,  contextDone,    right, true",
            "styles.js,  contextDone,    wrong, false",
            "styles.js,  contextSucceed, right, true",
            "styles.js,  contextSucceed, wrong, false",
            "styles.mjs, handler,        right, true",
            "styles.mjs, handler,        wrong, false",
        })
        void returnsTheEventWithTheHandlersResponse(String file, String export, String answer, boolean correct)
                throws TriggerException {
            ObjectNode result = call(file, export, verify(answer, "right"));

            assertEquals(correct, result.path("response").path("answerCorrect").asBoolean(!correct), result::toString);
            assertEquals("alice", result.path("userName").asText(), "the rest of the event comes back");
        }

        @Test
        void importsAJsFileFromAModulePackage() throws TriggerException {
            ObjectNode result = call("esm-package/verify.js", "handler", verify("esm", "unused"));

            assertTrue(result.path("response").path("answerCorrect").asBoolean(), result::toString);
        }
    }

    @Nested
    class AFailingHandlerIsAHandlerError {

        @ParameterizedTest(name = "[{index}] {0} → \"{1}\"")
        @CsvSource({
            "throws,           no such user in the legacy directory",
            "throwsSync,       cannot read the session",
            "callbackError,    callback refused",
            "contextFail,      context refused",
            "contextDoneError, done refused",
            "rejectsWithString, rejected as a string",
            "throwsLater,      thrown from a timer",
        })
        void carryingTheErrorMessage(String export, String message) {
            TriggerException error = failure("failures.js", export);

            assertAll(
                    () -> assertEquals(Kind.HANDLER_ERROR, error.kind()),
                    () -> assertEquals(message, error.getMessage()));
        }

        /** For the trigger's author: where it threw, in the pool's log (the client gets the message only). */
        @Test
        void logsTheHandlersStack() throws InterruptedException {
            TriggerException error = failure("failures.js", "throws");

            assertEquals("no such user in the legacy directory", error.getMessage());
            String where = testHandler("failures.js") + ":3:";
            awaitLogLine(line -> line.contains(where));
            assertTrue(log.contains("Trigger failures.js (throws) failed: Error: no such user in the legacy directory"),
                    () -> "log was " + log);
            assertTrue(log.stream().anyMatch(line -> line.contains(where)), () -> "log was " + log);
            assertTrue(log.stream().noneMatch(line -> line.contains("node:internal") || line.contains("worker")),
                    () -> "only the handler's own frames: " + log);
        }

        @Test
        void aMissingFileIsNamed() {
            Path missing = testHandler("styles.js").resolveSibling("no-such-trigger.js");

            TriggerException error = assertThrows(TriggerException.class,
                    () -> host.handler(missing, "handler").invoke(verify("a", "b")));

            assertEquals(Kind.HANDLER_ERROR, error.kind());
            assertEquals("Cannot load trigger handler " + missing + ": file not found", error.getMessage());
        }

        @Test
        void aSyntaxErrorNamesTheFileAndLine() {
            TriggerException error = failure("syntax-error.js", "handler");

            assertEquals(Kind.HANDLER_ERROR, error.kind());
            assertTrue(error.getMessage().startsWith("Cannot load trigger handler " + testHandler("syntax-error.js") + ":"),
                    error.getMessage());
            assertTrue(error.getMessage().contains("SyntaxError"), error.getMessage());
        }

        @ParameterizedTest
        @CsvSource({"notAFunction", "noSuchExport"})
        void anExportThatIsNoFunctionIsNamed(String export) {
            TriggerException error = failure("failures.js", export);

            assertEquals(Kind.HANDLER_ERROR, error.kind());
            assertTrue(error.getMessage().contains("does not export a function named '" + export + "'"),
                    error.getMessage());
        }
    }

    @Nested
    class AnAnswerThatIsNoEventIsMalformed {

        @ParameterizedTest(name = "[{index}] {0} → {1}")
        @CsvSource({
            "returnsString,   returned a string instead of the event object",
            "returnsArray,    returned an array instead of the event object",
            "returnsNothing,  returned nothing instead of the event object",
            "returnsCircular, the result is not JSON",
        })
        void sayingWhatCameBack(String export, String message) {
            TriggerException error = failure("failures.js", export);

            assertEquals(Kind.MALFORMED_RESPONSE, error.kind());
            assertTrue(error.getMessage().contains(message), error.getMessage());
        }
    }

    @Nested
    class HandlerOutput {

        @Test
        void goesToTheLogAndNeverIntoTheProtocol() throws TriggerException, InterruptedException {
            ObjectNode result = call("noisy.js", "handler", verify("a", "b"));

            assertTrue(result.path("response").path("printed").asBoolean(), result::toString);
            assertFalse(result.path("response").has("forged"));
            List<String> expected = List.of("log line from alice", "info line", "error line", "warn line",
                    "raw stdout line", "{\"id\":1,\"ok\":true,\"result\":{\"forged\":true}}",
                    "straight to fd 1 without a newline");
            awaitLog(expected);
        }

        private void awaitLog(List<String> expected) throws InterruptedException {
            for (String line : expected) {
                awaitLogLine(line::equals);
            }
            assertTrue(log.containsAll(expected), () -> "log was " + log);
        }
    }

    @Nested
    class TheWorker {

        @Test
        void isOneProcessForAllCalls() throws TriggerException {
            long first = call("context.js", "handler", verify("a", "b")).path("response").path("pid").asLong();
            long second = call("context.js", "handler", verify("a", "b")).path("response").path("pid").asLong();

            assertEquals(first, second);
        }

        @Test
        void givesHandlersALambdaContext() throws TriggerException {
            ObjectNode response = (ObjectNode) call("context.js", "handler", verify("a", "b")).path("response");
            ObjectNode again = (ObjectNode) call("context.js", "handler", verify("a", "b")).path("response");

            long remaining = response.path("remainingMillis").asLong(-1);
            assertAll(
                    () -> assertEquals("context", response.path("functionName").asText()),
                    () -> assertTrue(response.path("awsRequestId").asText().matches("[0-9a-f-]{36}"), response::toString),
                    () -> assertNotEquals(response.path("awsRequestId"), again.path("awsRequestId")),
                    () -> assertTrue(remaining > 0 && remaining <= TIMEOUT.toMillis(), "remaining " + remaining));
        }

        @Test
        void servesManyThreadsAtOnce() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String callId = "call-" + i;
                    int delayMillis = (i * 7) % 50;
                    answers.add(threads.submit(() -> {
                        ObjectNode event = verify("a", "b");
                        ((ObjectNode) event.path("request").path("clientMetadata"))
                                .put("call", callId).put("delayMillis", String.valueOf(delayMillis));
                        return call("context.js", "echoAfterDelay", event).path("response").path("echo").asText();
                    }));
                }
                for (int i = 0; i < answers.size(); i++) {
                    assertEquals("call-" + i, answers.get(i).get(30, TimeUnit.SECONDS));
                }
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        void isRestartedAfterItExits() throws TriggerException {
            long before = call("context.js", "handler", verify("a", "b")).path("response").path("pid").asLong();

            TriggerException error = failure("failures.js", "exits");
            long after = call("context.js", "handler", verify("a", "b")).path("response").path("pid").asLong();

            assertEquals(Kind.UNAVAILABLE, error.kind());
            assertTrue(error.getMessage().contains("exited with code 3"), error.getMessage());
            assertNotEquals(before, after);
        }
    }

    /**
     * The handlers here never answer, so load can only make their 0.7 s timeout end later, never fail the test; the
     * calls around them (which start a worker) keep the generous timeout.
     */
    @Nested
    class ACallThatTakesTooLong {

        @ParameterizedTest
        @CsvSource({"neverAnswers", "spins"})
        void isUnavailableAndTheWorkerStartsAfresh(String export) throws TriggerException {
            long before = call("context.js", "handler", verify("a", "b")).path("response").path("pid").asLong();

            Trigger stuck = host.handler(testHandler("failures.js"), export, Duration.ofMillis(700));
            TriggerException error = assertThrows(TriggerException.class, () -> stuck.invoke(verify("a", "b")));
            long after = call("context.js", "handler", verify("a", "b")).path("response").path("pid").asLong();

            assertEquals(Kind.UNAVAILABLE, error.kind());
            assertEquals("Trigger failures.js (" + export + ") timed out after 0.7 seconds", error.getMessage());
            assertNotEquals(before, after, "a fresh worker");
        }
    }

    @Test
    void aClosedHostRefusesCalls() {
        host.close();

        TriggerException error = failure("styles.js", "asyncReturn");

        assertEquals(Kind.UNAVAILABLE, error.kind());
    }
}
