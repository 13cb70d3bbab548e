package dev.cogauth.tokens;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The token cache: one private file per {@link CacheKey} in one directory, plus a pointer to
 * the most recent sign-in. Entries that are refused or unreadable count as absent, with a
 * warning. Read-modify-write goes through {@link #update}, which holds a file lock so that
 * concurrent processes refresh once, not once each, and which clears the temp files a killed
 * writer of that entry left.
 */
public final class TokenCache {
    static final String CURRENT = "current.json";
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final PrivateFiles files;
    private final Consumer<String> warn;

    /** @param warn where refusals go ("ignoring ...: other users can read it"), one line each */
    public TokenCache(Path dir, Consumer<String> warn) {
        this.files = new PrivateFiles(dir, warn);
        this.warn = warn;
    }

    public Path dir() {
        return files.dir();
    }

    public Optional<TokenEntry> read(CacheKey key) {
        try {
            Optional<byte[]> bytes = files.read(key.fileName());
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            CacheFormat.Result result = CacheFormat.read(bytes.get());
            if (result.entry().isEmpty()) {
                warn.accept("ignoring " + dir().resolve(key.fileName()) + ": " + result.problem());
                return Optional.empty();
            }
            if (!result.entry().get().key().equals(key)) {
                warn.accept("ignoring " + dir().resolve(key.fileName()) + ": it holds another user's entry");
                return Optional.empty();
            }
            return result.entry();
        } catch (IOException e) {
            throw new CacheException("cannot read the token cache in " + dir() + ": " + e.getMessage(), e);
        }
    }

    /** Stores the entry and makes it the most recent sign-in. */
    public void store(TokenEntry entry) {
        update(entry.key(), old -> entry);
        markCurrent(entry.key());
    }

    /**
     * Reads, changes and writes one entry under an exclusive lock on its lock file.
     * {@code change} gets the current entry (or null) and returns the new one, null to delete it,
     * or the very same object to leave the file alone; what it returns is returned.
     */
    public TokenEntry update(CacheKey key, UnaryOperator<TokenEntry> change) {
        String lockName = key.fileName() + ".lock";
        // The file lock is the OS's, held per process: threads of this JVM take turns here first
        // (the JVM refuses a second overlapping lock on one file with an exception).
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(dir().resolve(lockName).toAbsolutePath().normalize(),
                path -> new ReentrantLock());
        inProcess.lock();
        try (FileChannel lockFile = files.openLockFile(lockName);
             var lock = lockFile.lock()) {
            files.deleteStaleTemporaries(key.fileName());
            TokenEntry current = read(key).orElse(null);
            TokenEntry next = change.apply(current);
            if (next == null) {
                files.delete(key.fileName());
            } else if (next != current) {
                files.writeAtomically(key.fileName(), CacheFormat.write(next));
            }
            return next;
        } catch (IOException e) {
            throw new CacheException("cannot update the token cache in " + dir() + ": " + e.getMessage(), e);
        } finally {
            inProcess.unlock();
        }
    }

    /**
     * Deletes the entry. Its empty lock file stays: deleting it could let a process that is
     * waiting on the old file and one that creates a new file both believe they hold the lock.
     */
    public void delete(CacheKey key) {
        update(key, old -> null);
    }

    /** The key of the most recent sign-in, if that pointer is there and sound. */
    public Optional<CacheKey> current() {
        try {
            Optional<byte[]> bytes = files.read(CURRENT);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            return CacheFormat.readCurrent(bytes.get());
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    public void markCurrent(CacheKey key) {
        try {
            files.writeAtomically(CURRENT, CacheFormat.writeCurrent(key));
        } catch (IOException e) {
            throw new CacheException("cannot write the token cache in " + dir() + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the most recent sign-in pointer if it points at {@code key}. */
    public void clearCurrent(CacheKey key) {
        if (current().filter(key::equals).isPresent()) {
            try {
                files.delete(CURRENT);
            } catch (IOException e) {
                throw new CacheException("cannot delete from the token cache in " + dir() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Every readable entry, for {@code status --all}. */
    public List<TokenEntry> all() {
        List<TokenEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir())) {
            return entries;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir(), "*.json")) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                if (name.equals(CURRENT)) {
                    continue;
                }
                files.read(name).map(CacheFormat::read).flatMap(CacheFormat.Result::entry)
                        .filter(entry -> entry.key().fileName().equals(name))
                        .ifPresent(entries::add);
            }
        } catch (IOException e) {
            throw new CacheException("cannot list the token cache in " + dir() + ": " + e.getMessage(), e);
        }
        return entries;
    }
}
