package dev.cogauth.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.dist.Installed.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's piped one-liner, run as written from the project directory: its stdout must be only the JSON, even though
 * the build step writes colour resets to stdout as Maven 3.8 does in quiet batch mode (played here by a stand-in
 * {@code mvn}, so the test does not build the project inside its own build).
 */
@DisabledIfSystemProperty(named = "cogauth.executable", matches = ".+",
        disabledReason = "README's java -jar one-liner, which builds and runs the jar: it runs in the JVM pass")
class ReadmeOneLinerIT {

    @TempDir
    Path temp;

    @Test
    void printsOnlyTheJsonOnStdout() throws Exception {
        String line = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("mvn ") && l.contains("printf 'demo")).findFirst().orElseThrow();
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\nprintf '\\033[0m\\033[0m'\n");
        assertTrue(mvn.toFile().setExecutable(true));
        Run run = Installed.run(List.of("/bin/sh", "-c", line), Map.of("PATH", bin + ":" + System.getenv("PATH"),
                "JAVA_HOME", System.getProperty("java.home"), "HOME", temp.toString(), "XDG_CONFIG_HOME", temp.resolve("config").toString(),
                "COGAUTH_CACHE_DIR", temp.resolve("tokens").toString()), null);
        assertEquals(0, run.code(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.has("IdToken"), run.toString());
        assertEquals('{', run.out().charAt(0), "nothing before the JSON: " + run.out());
    }
}
