package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path temp;

    @Test
    void keepsOnlyTheNewestFilesItWroteAndNeverAnotherFile() throws IOException {
        Path directory = temp.resolve("outbox");
        Outbox outbox = Outbox.in(directory, 3);
        Path foreign = directory.resolve("0-someone-elses.json");
        Files.writeString(foreign, "{}");
        for (int i = 1; i <= 5; i++) {
            outbox.deliver(new Outbox.Message("EMAIL", "a@example.com", "code" + i, Instant.ofEpochMilli(i), "alice",
                    "ResendConfirmationCode"));
        }
        List<String> codes;
        try (Stream<Path> files = Files.list(directory)) {
            codes = files.filter(file -> !file.equals(foreign)).sorted().map(OutboxTest::read)
                    .map(text -> text.replaceAll(".*\"code\":\"(code\\d)\".*\\s*", "$1")).toList();
        }
        assertEquals(List.of("code3", "code4", "code5"), codes);
        assertTrue(Files.exists(foreign));
    }

    @Test
    void theDirectoryOutboxKeepsAThousand() {
        assertEquals(1000, Outbox.KEPT_ON_DISK);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
