package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the pool "delivers" the codes it would send by email or SMS ({@code local-pool --outbox DIR}):
 * one JSON file per message, {@code {"medium", "destination", "code", "time", "username", "challenge"}},
 * written whole (a reader never sees half a file), 0600 in a 0700 directory, and named so that they sort in the order sent.
 * A local development tool's stand-in for email and SMS, so tests and scripts can read the codes.
 */
public final class Outbox {

    private static final Outbox NONE = new Outbox(null, false);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many messages an in-memory outbox keeps: the newest, so a long test run stays bounded. */
    static final int KEPT_IN_MEMORY = 1000;

    private final Path directory;
    private final Deque<Message> kept;
    private final AtomicLong sequence = new AtomicLong();

    private Outbox(Path directory, boolean keep) {
        this.directory = directory;
        this.kept = keep ? new ArrayDeque<>() : null;
    }

    /** No outbox: codes only appear in the pool's log. */
    public static Outbox none() {
        return NONE;
    }

    /** An outbox in {@code directory}, created 0700 if missing; one others can open is refused (codes are secrets). */
    public static Outbox in(Path directory) throws IOException {
        PrivateFile.directory(directory);
        return new Outbox(directory, false);
    }

    /** An outbox in this process's memory, for tests that start the pool in-process: see {@link #messages()}. */
    public static Outbox inMemory() {
        return new Outbox(null, true);
    }

    /** The messages sent so far, oldest first (the newest {@value #KEPT_IN_MEMORY}); empty unless {@link #inMemory()}. */
    public List<Message> messages() {
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    /** The code of the newest message to {@code username}, if any was sent. */
    public Optional<String> latestCode(String username) {
        List<Message> all = messages();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).username().equals(username)) {
                return Optional.of(all.get(i).code());
            }
        }
        return Optional.empty();
    }

    /** One message the pool sent. */
    public record Message(String medium, String destination, String code, Instant time, String username,
                          String challenge) {
        @Override
        public String toString() {
            return "Message[" + medium + " to " + destination + " for " + username + ", " + challenge + "]";
        }
    }

    /** Writes the message's file; a failure is unchecked, as the pool answers it with an internal error. */
    public void deliver(Message message) {
        if (kept != null) {
            synchronized (kept) {
                if (kept.size() == KEPT_IN_MEMORY) {
                    kept.removeFirst();
                }
                kept.addLast(message);
            }
        }
        if (directory == null) {
            return;
        }
        ObjectNode body = JSON.createObjectNode()
                .put("medium", message.medium())
                .put("destination", message.destination())
                .put("code", message.code())
                .put("time", message.time().toString())
                .put("username", message.username())
                .put("challenge", message.challenge());
        String name = String.format(Locale.ROOT, "%d-%06d-%s.json", message.time().toEpochMilli(),
                sequence.incrementAndGet(), message.medium().toLowerCase(Locale.ROOT));
        try {
            PrivateFile.write(directory.resolve(name), body.toString() + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the outbox " + directory, e);
        }
    }
}
