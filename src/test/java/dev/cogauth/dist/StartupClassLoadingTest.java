package dev.cogauth.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Start-up is most of a CLI's run time: commands that don't talk to Cognito must not load the AWS SDK, Jackson
 * databind, JLine or the QR code library. picocli builds every subcommand for any command line, so a heavy field
 * initialiser anywhere shows up here in {@code --version} and {@code --help}.
 */
class StartupClassLoadingTest {

    private static final List<String> HEAVY = List.of("software.amazon.awssdk.", "com.fasterxml.jackson.databind.", "org.jline.",
            "io.nayuki.qrcodegen.");

    static Stream<String> lightCommandLines() {
        List<String> lines = new ArrayList<>(List.of("--version", "--help"));
        for (CommandLine sub : CompletionScripts.visibleSubcommands(DistFiles.model().getCommandSpec())) {
            lines.add(sub.getCommandName() + " --help");
        }
        return lines.stream();
    }

    @ParameterizedTest(name = "cogauth {0}")
    @MethodSource("lightCommandLines")
    void loadsNoHeavyLibrary(String commandLine) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-verbose:class", "-cp", System.getProperty("java.class.path"), "dev.cogauth.cli.Main"));
        command.addAll(List.of(commandLine.split(" ")));
        Process java = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(60, TimeUnit.SECONDS), "finished");
        assertEquals(0, java.exitValue(), out);
        List<String> loaded = out.lines().filter(l -> l.startsWith("[class,load]") || l.contains("[class,load]"))
                .collect(Collectors.toList());
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" dev.cogauth.cli.Main ")), "class loading was logged");
        List<String> heavy = loaded.stream().filter(l -> HEAVY.stream().anyMatch(l::contains))
                .map(l -> l.replaceAll(".*\\[class,load\\] (\\S+).*", "$1")).collect(Collectors.toList());
        assertTrue(heavy.isEmpty(), "cogauth " + commandLine + " loaded " + heavy.size() + " heavy classes; load them lazily"
                + " (in call(), not in fields or constructors): " + heavy.stream().limit(10).collect(Collectors.toList()));
    }
}
