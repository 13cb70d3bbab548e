package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
 * one JSON file per message, {@code {"medium", "destination", "code", "time", "username", "challenge",
 * "message", "subject"}} (the message with the code in it; the subject only for an email),
 * written whole (a reader never sees half a file), 0600 in a 0700 directory, and named so that they sort in the order sent;
 * the newest {@value #KEPT_ON_DISK} files this pool wrote are kept (repeated resends cannot fill the disk).
 * A local development tool's stand-in for email and SMS, so tests and scripts can read the codes.
 */
public final class Outbox {

    private static final Outbox NONE = new Outbox(null, false, 0);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many messages an in-memory outbox keeps: the newest, so a long test run stays bounded. */
    static final int KEPT_IN_MEMORY = 1000;
    /** How many files an outbox directory keeps of those this pool wrote: the newest; the oldest of ours go. */
    static final int KEPT_ON_DISK = 1000;

    private final Path directory;
    private final Deque<Message> kept;
    private final AtomicLong sequence = new AtomicLong();
    /** The files this pool wrote, oldest first; files others put in the directory are never deleted. */
    private final Deque<Path> written = new ArrayDeque<>();
    private final int keptOnDisk;

    private Outbox(Path directory, boolean keep, int keptOnDisk) {
        this.directory = directory;
        this.kept = keep ? new ArrayDeque<>() : null;
        this.keptOnDisk = keptOnDisk;
    }

    /** No outbox: codes only appear in the pool's log. */
    public static Outbox none() {
        return NONE;
    }

    /** An outbox in {@code directory}, created 0700 if missing; one others can open is refused (codes are secrets). */
    public static Outbox in(Path directory) throws IOException {
        return in(directory, KEPT_ON_DISK);
    }

    /** An outbox in {@code directory} keeping at most {@code keptOnDisk} of the files it writes. */
    static Outbox in(Path directory, int keptOnDisk) throws IOException {
        PrivateFile.directory(directory);
        return new Outbox(directory, false, keptOnDisk);
    }

    /** An outbox in this process's memory, for tests that start the pool in-process: see {@link #messages()}. */
    public static Outbox inMemory() {
        return new Outbox(null, true, 0);
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

    /**
     * One message the pool sent: the code alone, and the whole {@code message} (with the code in it)
     * and, for an email, its {@code subject}, as the pool's default or the Custom Message trigger wrote them.
     */
    public record Message(String medium, String destination, String code, Instant time, String username,
                          String challenge, String message, String subject) {

        /** A message whose text is not known (written by hand, e.g. in a test). */
        public Message(String medium, String destination, String code, Instant time, String username,
                       String challenge) {
            this(medium, destination, code, time, username, challenge, null, null);
        }

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
        if (message.message() != null) {
            body.put("message", message.message());
        }
        if (message.subject() != null) {
            body.put("subject", message.subject());
        }
        String name = String.format(Locale.ROOT, "%d-%06d-%s.json", message.time().toEpochMilli(),
                sequence.incrementAndGet(), message.medium().toLowerCase(Locale.ROOT));
        Path file = directory.resolve(name);
        try {
            synchronized (written) {
                PrivateFile.write(file, body.toString() + System.lineSeparator());
                written.addLast(file);
                while (written.size() > keptOnDisk) {
                    Files.deleteIfExists(written.removeFirst());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the outbox " + directory, e);
        }
    }
}
