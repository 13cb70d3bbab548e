package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's exit-code table and --help's list say the same, because both are {@link ExitCode#MEANINGS}. */
class ExitCodeTest {

    @Test
    void theReadmeTableIsExactlyTheHelpList() throws IOException {
        assertEquals(ExitCode.MEANINGS, readmeTable(), "README.md's '## Exit codes' table differs from"
                + " ExitCode.MEANINGS (what --help prints): change both the same way (backticks aside)");
    }

    @Test
    void everyCodeTheCodeUsesIsListed() {
        for (int code : List.of(ExitCode.OK, ExitCode.BUG, ExitCode.USAGE, ExitCode.REFUSED, ExitCode.INPUT_NEEDED,
                ExitCode.CONFIG, ExitCode.SERVICE, ExitCode.INTERRUPTED)) {
            assertTrue(ExitCode.MEANINGS.containsKey(String.valueOf(code)), "exit code " + code);
        }
    }

    @Test
    void helpPrintsEachMeaningWhole() {
        CliRun run = CliRun.of(Map.of(), java.time.Clock.systemUTC(), "", "signin", "--help");
        String help = run.out().replaceAll("\\s+", " ");
        ExitCode.MEANINGS.forEach((code, meaning) ->
                assertTrue(help.contains(code + " " + meaning), () -> "help lists " + code + " " + meaning + "\n" + run));
    }

    /** The rows of the table under "## Exit codes", code to meaning, with Markdown's backticks dropped. */
    private static Map<String, String> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Exit codes");
                continue;
            }
            if (inSection && line.matches("\\| \\d+ \\| .* \\|")) {
                String[] cells = line.substring(2, line.length() - 2).split(" \\| ", 2);
                rows.put(cells[0], cells[1].replace("`", ""));
            }
        }
        return rows;
    }
}
