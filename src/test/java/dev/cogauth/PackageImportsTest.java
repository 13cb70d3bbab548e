package dev.cogauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-way import rule: {@code cli → flow/tokens/config → api/srp → protocol}, and flow/tokens/config → json
 * (Jackson trees without an ObjectMapper), which imports nothing of cogauth's; the local
 * pool uses only protocol and srp, and only the cli and the JUnit extension ({@code junit}) import it; and no package cycles, subpackages
 * included. Read from the sources (import lines and fully-qualified names), so a stray use fails
 * here with the file named. {@link ImportRulesTest} shows the checker catches each kind.
 */
class PackageImportsTest {
    /** For each top-level package, the other top-level packages it may use. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("protocol", Set.of()),
            Map.entry("json", Set.of()),
            Map.entry("srp", Set.of("protocol")),
            Map.entry("api", Set.of("protocol", "srp")),
            Map.entry("flow", Set.of("api", "srp", "protocol", "json")),
            Map.entry("tokens", Set.of("api", "srp", "protocol", "json")),
            Map.entry("config", Set.of("api", "srp", "protocol", "json")),
            Map.entry("oauth", Set.of("api", "protocol")),
            Map.entry("localpool", Set.of("srp", "protocol")),
            // The JUnit 5 extension: a thin edge over the local pool, which nothing of cogauth's imports.
            Map.entry("junit", Set.of("localpool")),
            Map.entry("cli", Set.of("flow", "oauth", "tokens", "config", "api", "srp", "protocol", "localpool", "json")));

    @Test
    void imports_run_one_way_without_cycles() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/cogauth"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(file.toString(), Files.readString(file));
            }
        }
        assertEquals(List.of(), new ImportRules(ALLOWED).check(sources));
    }
}
