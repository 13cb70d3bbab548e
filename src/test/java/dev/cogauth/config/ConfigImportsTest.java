package dev.cogauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package sits between the CLI and the protocol: it must not reach up or sideways. */
class ConfigImportsTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/cogauth/config");
    private static final List<String> ALLOWED = List.of(
            "import java.", "import com.fasterxml.jackson.", "import dev.cogauth.protocol.",
            "import dev.cogauth.api.", "import dev.cogauth.srp.", "import dev.cogauth.json.");

    @Test
    void importsOnlyTheJdkJacksonAndLowerPackages() throws IOException {
        List<String> sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.map(Path::toString).filter(name -> name.endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty(), "no sources found under " + SOURCES.toAbsolutePath());
        List<String> offending = new ArrayList<>();
        for (String source : sources) {
            for (String line : Files.readAllLines(Path.of(source))) {
                String trimmed = line.strip();
                if (trimmed.startsWith("import ") && ALLOWED.stream().noneMatch(trimmed::startsWith)) {
                    offending.add(source + ": " + trimmed);
                }
            }
        }
        assertEquals(List.of(), offending);
    }
}
