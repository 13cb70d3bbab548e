package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionProviderTest {

    private static final Properties RUNTIME = props("java.version", "17.0.15", "java.vm.name", "OpenJDK 64-Bit Server VM",
            "java.vendor", "Debian");

    @ParameterizedTest(name = "[{index}] version={0} commit={1} dirty={2}")
    @CsvSource(delimiter = '|', value = {
        // A normal build from a clean checkout.
        "1.2.0              | 0a1b2c3d4e              | false        | cogauth 1.2.0 (commit 0a1b2c3d4e)",
        // Built with uncommitted changes.
        "1.2.0              | 0a1b2c3d4e              | true         | cogauth 1.2.0 (commit 0a1b2c3d4e, modified)",
        // A source tarball without .git: the plugin leaves the placeholders unfiltered.
        "1.2.0              | ${git.commit.id.abbrev} | ${git.dirty} | cogauth 1.2.0 (commit unknown)",
        // Run from classes that were never filtered at all.
        "${project.version} | ${git.commit.id.abbrev} | ${git.dirty} | cogauth dev (commit unknown)",
    })
    void describeTheBuild(String version, String commit, String dirty, String expected) {
        String[] lines = VersionProvider.describe(props("version", version, "commit", commit, "dirty", dirty), RUNTIME);
        assertArrayEquals(new String[] {expected, "Java 17.0.15 (OpenJDK 64-Bit Server VM, Debian)"}, lines);
    }

    @Test
    void answerWithoutAnyBuildInfo() {
        assertEquals("cogauth dev (commit unknown)", VersionProvider.describe(new Properties(), RUNTIME)[0]);
    }

    @Test
    void printTheFilteredVersionAndTheRunningJava() {
        StringWriter out = new StringWriter();
        int code = Main.run(CliContext.of(Map.of(), InputStream.nullInputStream(), Clock.systemUTC()),
                new PrintWriter(out), new PrintWriter(new StringWriter()), "--version");
        assertEquals(ExitCode.OK, code);
        String text = out.toString();
        // The build filters version.properties; a literal ${...} here means the filtering is broken.
        assertTrue(text.startsWith("cogauth ") && !text.contains("${") && !text.startsWith("cogauth dev"), text);
        assertTrue(text.contains("Java " + System.getProperty("java.version")), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void aloneItIsAnsweredWithoutPicocliAndPrintsWhatPicocliPrints(String option) {
        String[] lines = VersionProvider.alone(option).orElseThrow(() -> new AssertionError("not answered alone"));
        CliContext context = CliContext.of(Map.of(), InputStream.nullInputStream(), Clock.systemUTC());
        StringWriter picocli = new StringWriter();
        var cli = CogauthCommand.forArgs(context, option);
        cli.setOut(new PrintWriter(picocli));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(ExitCode.OK, cli.execute(option));
        StringWriter main = new StringWriter();
        assertEquals(ExitCode.OK, Main.run(context, new PrintWriter(main), new PrintWriter(new StringWriter()), option));

        assertEquals(picocli.toString(), String.join(System.lineSeparator(), lines) + System.lineSeparator());
        assertEquals(picocli.toString(), main.toString());
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        for (String[] args : new String[][] {{}, {"--version", "--help"}, {"token", "--version"}, {"--help"}, {"-v"},
                {"--Version"}, {"--version="}}) {
            assertTrue(VersionProvider.alone(args).isEmpty(), String.join(" ", args));
        }
        // Lines picocli would format (a % from a system property) or render (markup) are left to it too.
        assertTrue(VersionProvider.ifPlain(new String[] {"cogauth 1.0", "Java 17 (VM, 100% vendor)"}).isEmpty());
        assertTrue(VersionProvider.ifPlain(new String[] {"cogauth 1.0", "Java 17 (@|bold VM|@, vendor)"}).isEmpty());
        assertTrue(VersionProvider.ifPlain(new String[] {"cogauth 1.0", "Java 17 (VM, vendor)"}).isPresent());
    }

    private static Properties props(String... pairs) {
        Properties props = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            props.setProperty(pairs[i], pairs[i + 1].trim());
        }
        return props;
    }
}
