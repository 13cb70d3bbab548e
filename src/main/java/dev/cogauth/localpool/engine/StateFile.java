package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The file {@code local-pool --state FILE} keeps the pools and users in ({@link PoolState}):
 * read once at start, then written after every API call that changed it and when the pool stops,
 * whole, 0600, replaced by a rename ({@link PrivateFile}) in a directory only its owner can open.
 * Writing on every change (under a lock, and only when the document differs from the last one
 * written) keeps a killed pool's file current without a timer; a local pool's state is small.
 */
public final class StateFile {

    private final Path file;
    private String written;

    private StateFile(Path file) {
        this.file = file;
    }

    /** The state file at {@code file}; its directory is created 0700 if missing, one others can open is refused. */
    public static StateFile at(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        PrivateFile.directory(directory);
        return new StateFile(file);
    }

    public Path path() {
        return file;
    }

    /** What the file holds; null when there is no file yet (a fresh start). */
    JsonNode read(ObjectMapper json) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new Invalid("cannot read it: " + e.getMessage());
        }
        try {
            JsonNode state = json.readTree(text);
            if (state == null) {
                throw new Invalid("it is empty");
            }
            written = text;
            return state;
        } catch (JsonProcessingException e) {
            throw new Invalid("it is not complete JSON (line " + e.getLocation().getLineNr() + ")");
        }
    }

    /** Writes {@code text} unless it is what the file already holds. */
    synchronized void write(String text) {
        if (text.equals(written)) {
            return;
        }
        try {
            PrivateFile.write(file, text);
            written = text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file, e);
        }
    }

    /** A state file the pool cannot use; the message is one line, without the file's name. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }
}
