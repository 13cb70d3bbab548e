package dev.cogauth.tokens;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Files only their owner can read: a 0700 directory, 0600 files created with those modes (so
 * no umask can widen them, and there is no moment when they are wider), replaced atomically,
 * and refused on reading when someone else could have read or planted them. On file systems
 * without POSIX modes (Windows) the files inherit the user profile's ACLs, and only the
 * symlink and plain-file checks apply.
 */
final class PrivateFiles {
    static final FileAttribute<Set<PosixFilePermission>> DIR_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    static final FileAttribute<Set<PosixFilePermission>> FILE_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final String TEMP_SUFFIX = ".tmp";
    /** Far above any cache entry; stops a planted /dev/zero-like file from eating memory. */
    private static final int MAX_BYTES = 256 * 1024;
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Path dir;
    private final Consumer<String> warn;
    private final Object ownUid;
    private final boolean posix;
    private boolean dirChecked;

    PrivateFiles(Path dir, Consumer<String> warn) {
        this.dir = dir;
        this.warn = warn;
        this.ownUid = currentUid();
        this.posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    Path dir() {
        return dir;
    }

    /**
     * Creates the directory, and any missing parent, 0700 (XDG's mode for the base directories;
     * the umask cannot widen it), and refuses one that other users could write to.
     */
    void ensureDir() throws IOException {
        if (!Files.isDirectory(dir)) {
            createPrivately(dir.toAbsolutePath());
        }
        checkDir();
    }

    private void createPrivately(Path directory) throws IOException {
        Path parent = directory.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createPrivately(parent);
        }
        try {
            Files.createDirectory(directory, dirMode());
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(directory)) {
                throw raced;
            }
        }
    }

    /**
     * Throws when someone else owns the directory or could write to it: they could replace or
     * plant entries. Checked once per run, and only where the directory exists.
     */
    private void checkDir() throws IOException {
        if (dirChecked || !posix) {
            return;
        }
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
        Set<PosixFilePermission> writable = EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        writable.retainAll(attributes.permissions());
        if (!isOurs(dir, attributes)) {
            throw new CacheException("refusing the token cache directory " + dir + ": owned by another user ("
                    + attributes.owner().getName() + ")", null);
        }
        if (!writable.isEmpty()) {
            throw new CacheException("refusing the token cache directory " + dir + ": other users can write to it (mode "
                    + PosixFilePermissions.toString(attributes.permissions()) + "); run chmod 700 " + dir, null);
        }
        dirChecked = true;
    }

    /**
     * The file's bytes, or empty when it is absent or refused (with a warning naming the
     * file and why, never its content).
     */
    Optional<byte[]> read(String name) throws IOException {
        Path file = dir.resolve(name);
        BasicFileAttributes attributes;
        try {
            attributes = attributesOf(file);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
        checkDir();
        Optional<String> problem = problemWith(file, attributes);
        if (problem.isPresent()) {
            warn.accept("ignoring " + file + ": " + problem.get());
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), MAX_BYTES) + 1);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until full or end of file
            }
            if (!buffer.hasRemaining()) {
                warn.accept("ignoring " + file + ": larger than a cache entry can be");
                return Optional.empty();
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return Optional.of(bytes);
        } catch (NoSuchFileException deletedMeanwhile) {
            return Optional.empty();
        }
    }

    /**
     * Writes a temp file beside the target, flushes it to disk and renames it over the target,
     * so a reader sees the old content or the new, never a part.
     */
    void writeAtomically(String name, byte[] content) throws IOException {
        ensureDir();
        Path temp = Files.createTempFile(dir, "." + name + ".", TEMP_SUFFIX, fileMode());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            syncDir();
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    void delete(String name) throws IOException {
        Files.deleteIfExists(dir.resolve(name));
    }

    /** Opens (creating 0600) a file to lock; the caller closes it, which releases the lock. */
    FileChannel openLockFile(String name) throws IOException {
        ensureDir();
        Path file = dir.resolve(name);
        try {
            return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), fileMode());
        } catch (FileAlreadyExistsException exists) {
            BasicFileAttributes attributes = attributesOf(file);
            Optional<String> problem = problemWith(file, attributes);
            if (problem.isPresent()) {
                throw new IOException("refusing lock file " + file + ": " + problem.get());
            }
            return FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** The file's own attributes (a symlink's, not its target's), with modes where there are any. */
    private BasicFileAttributes attributesOf(Path file) throws IOException {
        return posix ? Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                : Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private FileAttribute<?>[] dirMode() {
        return posix ? new FileAttribute<?>[] {DIR_MODE} : new FileAttribute<?>[0];
    }

    private FileAttribute<?>[] fileMode() {
        return posix ? new FileAttribute<?>[] {FILE_MODE} : new FileAttribute<?>[0];
    }

    private Optional<String> problemWith(Path file, BasicFileAttributes basic) throws IOException {
        if (basic.isSymbolicLink()) {
            return Optional.of("it is a symbolic link (a cache file must be a plain file)");
        }
        if (!basic.isRegularFile()) {
            return Optional.of("not a regular file");
        }
        if (!(basic instanceof PosixFileAttributes attributes)) {
            return Optional.empty();
        }
        if (!isOurs(file, attributes, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("owned by another user (" + attributes.owner().getName() + ")");
        }
        Set<PosixFilePermission> shared = EnumSet.copyOf(SHARED);
        shared.retainAll(attributes.permissions());
        if (!shared.isEmpty()) {
            return Optional.of("other users can read or write it (mode "
                    + PosixFilePermissions.toString(attributes.permissions())
                    + "); delete it and sign in again");
        }
        return Optional.empty();
    }

    private boolean isOurs(Path path, PosixFileAttributes attributes, LinkOption... options) throws IOException {
        return ownUid != null ? ownUid.equals(Files.getAttribute(path, "unix:uid", options))
                : attributes.owner().getName().equals(System.getProperty("user.name"));
    }

    /**
     * Deletes the temp files {@link #writeAtomically} leaves when killed between creating one
     * and renaming it ({@code .NAME.<random>.tmp}, holding tokens). Only for a caller that holds
     * NAME's lock: every writer of NAME holds it, so no such file is being written now.
     */
    void deleteStaleTemporaries(String name) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(dir, path -> {
            String file = path.getFileName().toString();
            return file.startsWith(prefix) && file.endsWith(TEMP_SUFFIX) && file.length() > prefix.length() + TEMP_SUFFIX.length();
        })) {
            for (Path temporary : temporaries) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Makes the rename itself durable; some file systems cannot sync a directory, which is fine. */
    private void syncDir() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // The data is on disk; only the rename might be replayed after a crash.
        }
    }

    /** Our uid, from Linux's /proc; null elsewhere (then the owner's name is compared). */
    private static Object currentUid() {
        try {
            return Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException unavailable) {
            return null;
        }
    }
}
