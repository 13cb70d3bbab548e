package dev.cogauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-way import rule: {@code cli → flow/tokens/config → api/srp → protocol}, and flow/tokens/config → json
 * (Jackson trees without an ObjectMapper), which imports nothing of cogauth's; the local
 * pool uses only protocol and srp, and only the cli imports it. Read from the sources, so a
 * stray import fails here with the file named.
 */
class PackageImportsTest {
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.cogauth\\.(\\w+)", Pattern.MULTILINE);
    /** For each top-level package, the other top-level packages it may import. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "protocol", Set.of(),
            "json", Set.of(),
            "srp", Set.of("protocol"),
            "api", Set.of("protocol", "srp"),
            "flow", Set.of("api", "srp", "protocol", "json"),
            "tokens", Set.of("api", "srp", "protocol", "json"),
            "config", Set.of("api", "srp", "protocol", "json"),
            "oauth", Set.of("api", "protocol"),
            "localpool", Set.of("srp", "protocol"),
            "cli", Set.of("flow", "oauth", "tokens", "config", "api", "srp", "protocol", "localpool", "json"));

    @Test
    void imports_run_one_way() throws IOException {
        Path root = Path.of("src/main/java/dev/cogauth");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file).getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(file + ": package " + pkg + " is not in the rule");
                    continue;
                }
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    String target = imports.group(1);
                    if (!target.equals(pkg) && !allowed.contains(target)) {
                        violations.add(file + " imports dev.cogauth." + target);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
