package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The local pool stands apart: only the protocol, SRP, Jackson and the JDK (its HTTP server included). */
class LocalPoolImportsTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/cogauth/localpool");
    private static final List<String> ALLOWED = List.of(
            "import java.", "import javax.crypto.", "import com.sun.net.httpserver.", "import com.fasterxml.jackson.",
            "import dev.cogauth.protocol.", "import dev.cogauth.srp.", "import dev.cogauth.localpool.",
            "import static java.", "import static dev.cogauth.localpool.");

    @Test
    void importsOnlyTheProtocolSrpJacksonAndTheJdk() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = files.filter(path -> path.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty(), "no sources found under " + SOURCES.toAbsolutePath());
        List<String> offending = new ArrayList<>();
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("import ") && ALLOWED.stream().noneMatch(trimmed::startsWith)) {
                    offending.add(source + ": " + trimmed);
                }
            }
        }
        assertEquals(List.of(), offending);
    }
}
