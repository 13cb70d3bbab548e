package dev.cogauth.dist;

import dev.cogauth.cli.CliContext;
import dev.cogauth.cli.CogauthCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * Writes the files generated from the picocli model: run at build (pom.xml, exec-maven-plugin) and by
 * {@code dist/update-completions.sh}. Arguments: the completions directory, then optionally the man page source directory.
 */
public final class DistFiles {

    private DistFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: DistFiles COMPLETIONS_DIR [MAN_ADOC_DIR]");
        }
        write(Path.of(args[0]), CompletionScripts.generate(model()));
        if (args.length == 2) {
            write(Path.of(args[1]), ManPages.generate(model()));
        }
    }

    /** cogauth's command line as users get it, built without a real process (no terminal, no environment). */
    static CommandLine model() {
        return CogauthCommand.commandLine(CliContext.of(Map.of(), InputStream.nullInputStream(), Clock.systemUTC()));
    }

    private static void write(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
