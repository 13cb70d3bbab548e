package dev.cogauth.localpool.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.TriggerException.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One running {@code node} process executing {@code worker.cjs}: sends requests as JSON lines on
 * its stdin and completes each call's future when the reply with the same id comes back on its
 * stdout. Knows nothing of timeouts or restarts; {@link NodeTriggerHost} decides those.
 */
final class NodeWorker {

    /** Marks the worker's reply lines (MARK in worker.cjs); other stdout output is the handlers' and goes to the log. */
    static final String REPLY_MARK = "\u0001cogauth-reply ";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer requests;
    private final Consumer<String> log;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private volatile String exitReason;

    private NodeWorker(Process process, Consumer<String> log) {
        this.process = process;
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.log = log;
    }

    static NodeWorker start(String nodeCommand, Path script, Consumer<String> log) throws TriggerException {
        Process process;
        try {
            process = new ProcessBuilder(nodeCommand, script.toString()).start();
        } catch (IOException e) {
            throw new TriggerException(Kind.UNAVAILABLE, cannotStart(nodeCommand, e), e);
        }
        NodeWorker worker = new NodeWorker(process, log);
        daemon("cogauth-node-replies", () -> worker.readReplies(process.getInputStream()));
        daemon("cogauth-node-log", () -> worker.forwardLog(process.getErrorStream()));
        return worker;
    }

    private static String cannotStart(String nodeCommand, IOException e) {
        // The JDK reports a missing program as "Cannot run program ...: error=2, No such file or directory".
        String why = String.valueOf(e.getMessage());
        if (why.contains("error=2,") || why.contains("No such file")) {
            return "Cannot run Node.js triggers: '" + nodeCommand + "' was not found on PATH;"
                    + " install Node.js 18 or newer";
        }
        return "Cannot run Node.js triggers: starting '" + nodeCommand + "' failed: " + why;
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    boolean isAlive() {
        return process.isAlive() && exitReason == null;
    }

    /** Sends one call; the future completes with the reply object ({@code ok}, {@code result} or {@code kind}, {@code message}). */
    CompletableFuture<JsonNode> send(ObjectNode request) {
        long id = nextId.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        request.put("id", id);
        try {
            String line = JSON.writeValueAsString(request) + "\n";
            synchronized (requests) {
                requests.write(line);
                requests.flush();
            }
        } catch (JsonProcessingException e) {
            pending.remove(id);
            reply.completeExceptionally(new UncheckedIOException(e));
        } catch (IOException e) {
            pending.remove(id);
            reply.completeExceptionally(workerGone("its input was closed"));
        }
        if (exitReason != null) {
            failPending(); // it died before this call was registered
        }
        return reply;
    }

    /** Forgets a call that will not be waited for any more (timed out). */
    void abandon(CompletableFuture<JsonNode> reply) {
        pending.values().remove(reply);
    }

    /** Stops the process and fails every call still waiting, with {@code reason}. */
    void stop(String reason) {
        if (exitReason == null) {
            exitReason = reason;
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        failPending();
    }

    private void readReplies(InputStream stdout) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                // Output written straight to fd 1 without a newline may precede a reply on its line.
                int mark = line.indexOf(REPLY_MARK);
                if (mark > 0) {
                    log.accept(line.substring(0, mark));
                }
                if (mark >= 0) {
                    complete(line.substring(mark + REPLY_MARK.length()));
                } else {
                    log.accept(line);
                }
            }
        } catch (IOException e) {
            // The pipe broke: the process is gone, handled below.
        }
        if (exitReason == null) {
            exitReason = exitDescription();
        }
        failPending();
    }

    private void complete(String json) {
        JsonNode reply;
        try {
            reply = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            log.accept("cogauth: ignored an unreadable reply from the Node.js trigger worker");
            return;
        }
        CompletableFuture<JsonNode> waiting = pending.remove(reply.path("id").asLong(-1));
        if (waiting != null) {
            waiting.complete(reply);
        }
    }

    private String exitDescription() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return "it exited with code " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "it closed its output";
    }

    private void forwardLog(InputStream stderr) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.accept(line);
            }
        } catch (IOException e) {
            // The process is gone; nothing more to forward.
        }
    }

    private void failPending() {
        for (Long id : pending.keySet()) {
            CompletableFuture<JsonNode> waiting = pending.remove(id);
            if (waiting != null) {
                waiting.completeExceptionally(workerGone(exitReason));
            }
        }
    }

    private static TriggerException workerGone(String reason) {
        return new TriggerException(Kind.UNAVAILABLE, "The Node.js trigger worker stopped: " + reason);
    }
}
