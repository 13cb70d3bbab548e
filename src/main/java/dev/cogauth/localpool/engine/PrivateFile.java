package dev.cogauth.localpool.engine;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the pool writes that others must not read (sent codes, the app client's secret): files
 * 0600 in directories 0700, created with those modes so no umask widens them, and replaced
 * whole by a rename so a reader never sees half a file. Where the file system has no POSIX
 * modes, the files inherit the directory's access rules.
 */
public final class PrivateFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private PrivateFile() {
    }

    /**
     * Creates {@code directory} 0700 if missing; refuses an existing one that other users can
     * read, write or enter, as what goes into it is secret.
     */
    public static void directory(Path directory) throws IOException {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(directory)) {
            try {
                Files.createDirectories(directory, posix ? new FileAttribute<?>[] {
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0]);
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(directory)) {
                    throw raced;
                }
            } catch (IOException e) {
                throw new IOException("cannot create the directory: " + e.getMessage(), e);
            }
        }
        if (posix) {
            Set<PosixFilePermission> modes = Files.readAttributes(directory, PosixFileAttributes.class).permissions();
            if (!OWNER_ONLY.containsAll(modes)) {
                throw new IOException("other users can open the directory (mode " + PosixFilePermissions.toString(modes)
                        + "); use a new one or run chmod 700 " + directory);
            }
        }
    }

    /** Writes {@code text} to {@code file}, 0600, replacing it whole. */
    public static void write(Path file, String text) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        // createTempFile makes the file 0600 on POSIX file systems, whatever the umask.
        Path temporary = Files.createTempFile(directory, "." + file.getFileName() + "-", ".tmp");
        try {
            Files.writeString(temporary, text);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
