package dev.cogauth.localpool.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.TriggerException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs Node.js Lambda handlers (the user's own Define/Create/Verify Auth Challenge code) in one
 * long-lived {@code node} worker process shared by all handlers and threads. The worker starts
 * on the first call and again on the next call after it died or a call timed out.
 *
 * <p>Handlers may use any style Lambda accepts: {@code async} functions, returned promises,
 * {@code callback(err, event)}, {@code context.done}, {@code context.succeed} / {@code fail}.
 * What handlers print goes to the log sink, line by line. Each file is loaded once per worker,
 * as Lambda loads it once per container, so module-level state lives across calls.
 */
public final class NodeTriggerHost implements AutoCloseable {

    private static final String WORKER_SCRIPT = "worker.cjs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String nodeCommand;
    private final Path script;
    private final Duration timeout;
    private final Consumer<String> log;
    private NodeWorker worker;
    private boolean closed;

    private NodeTriggerHost(String nodeCommand, Path script, Duration timeout, Consumer<String> log) {
        this.nodeCommand = nodeCommand;
        this.script = script;
        this.timeout = timeout;
        this.log = log;
    }

    /** A host whose handlers' console output goes to standard error. */
    public static NodeTriggerHost start(Duration timeout) {
        return start(timeout, System.err::println);
    }

    /** A host that gives each call {@code timeout} and hands handler output to {@code log}, a line at a time. */
    public static NodeTriggerHost start(Duration timeout, Consumer<String> log) {
        return start("node", timeout, log);
    }

    static NodeTriggerHost start(String nodeCommand, Duration timeout, Consumer<String> log) {
        Objects.requireNonNull(log, "log");
        requirePositive(timeout);
        return new NodeTriggerHost(nodeCommand, writeWorkerScript(), timeout, log);
    }

    private static void requirePositive(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The trigger timeout must be positive, not " + timeout);
        }
    }

    /**
     * The trigger that calls the function exported as {@code exportName} by the CommonJS or ES
     * module {@code file}. The file is loaded on the first call; a missing or broken file fails
     * that call with {@link Kind#HANDLER_ERROR}.
     */
    public Trigger handler(Path file, String exportName) {
        return handler(file, exportName, timeout);
    }

    /** As {@link #handler(Path, String)}, with a timeout of its own, as every Lambda function has. */
    Trigger handler(Path file, String exportName, Duration callTimeout) {
        Path absolute = file.toAbsolutePath().normalize();
        Objects.requireNonNull(exportName, "exportName");
        requirePositive(callTimeout);
        return event -> call(absolute, exportName, callTimeout, event);
    }

    @Override
    public void close() {
        NodeWorker last;
        synchronized (this) {
            closed = true;
            last = worker;
            worker = null;
        }
        if (last != null) {
            last.stop("the local pool closed");
        }
        try {
            Files.deleteIfExists(script);
        } catch (IOException e) {
            log.accept("cogauth: could not delete the trigger worker script " + script);
        }
    }

    private ObjectNode call(Path file, String exportName, Duration limit, ObjectNode event) throws TriggerException {
        String name = file.getFileName() + " (" + exportName + ")";
        NodeWorker running = runningWorker();
        ObjectNode request = JSON.createObjectNode()
                .put("file", file.toString())
                .put("export", exportName)
                .put("functionName", functionName(file))
                .put("timeoutMs", limit.toMillis());
        request.set("event", event);
        CompletableFuture<JsonNode> pending = running.send(request);
        JsonNode reply;
        try {
            reply = pending.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.abandon(pending);
            // The handler may be stuck in a loop that blocks every other call: start afresh.
            retire(running, "it was restarted after " + name + " timed out");
            throw new TriggerException(Kind.UNAVAILABLE,
                    "Trigger " + name + " timed out after " + seconds(limit) + " seconds");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TriggerException) {
                TriggerException cause = (TriggerException) e.getCause();
                throw new TriggerException(cause.kind(), cause.getMessage(), cause);
            }
            throw new TriggerException(Kind.UNAVAILABLE, "Trigger " + name + " could not be called", e.getCause());
        } catch (InterruptedException e) {
            running.abandon(pending);
            Thread.currentThread().interrupt();
            throw new TriggerException(Kind.UNAVAILABLE, "Trigger " + name + " was interrupted");
        }
        return outcome(name, reply);
    }

    private static ObjectNode outcome(String name, JsonNode reply) throws TriggerException {
        if (!reply.path("ok").asBoolean()) {
            Kind kind = "MALFORMED_RESPONSE".equals(reply.path("kind").asText()) ? Kind.MALFORMED_RESPONSE : Kind.HANDLER_ERROR;
            throw new TriggerException(kind, reply.path("message").asText("Trigger " + name + " failed"));
        }
        JsonNode result = reply.path("result");
        if (!result.isObject()) {
            throw new TriggerException(Kind.MALFORMED_RESPONSE,
                    "Trigger " + name + " returned " + describe(result) + " instead of the event object");
        }
        return (ObjectNode) result;
    }

    private static String describe(JsonNode result) {
        if (result.isNull() || result.isMissingNode()) {
            return "nothing";
        }
        return result.isArray() ? "an array" : "a " + result.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private synchronized NodeWorker runningWorker() throws TriggerException {
        if (closed) {
            throw new TriggerException(Kind.UNAVAILABLE, "The Node.js trigger host is closed");
        }
        if (worker == null || !worker.isAlive()) {
            worker = NodeWorker.start(nodeCommand, script, log);
        }
        return worker;
    }

    private void retire(NodeWorker stale, String reason) {
        synchronized (this) {
            if (worker == stale) {
                worker = null;
            }
        }
        stale.stop(reason);
    }

    private static String functionName(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    private static Path writeWorkerScript() {
        try (InputStream source = NodeTriggerHost.class.getResourceAsStream(WORKER_SCRIPT)) {
            if (source == null) {
                throw new IllegalStateException("The Node.js trigger worker script is missing from the classpath");
            }
            Path script = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile("cogauth-trigger-worker-", ".cjs",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile("cogauth-trigger-worker-", ".cjs");
            Files.write(script, source.readAllBytes());
            script.toFile().deleteOnExit();
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Node.js trigger worker script: " + e.getMessage(), e);
        }
    }
}
