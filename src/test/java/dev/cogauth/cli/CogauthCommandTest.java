package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The full command tree (help, completions, man pages) and the one-subcommand tree a run builds must agree. */
class CogauthCommandTest {
    private static final CliContext CONTEXT = CliContext.of(Map.of(), InputStream.nullInputStream(),
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

    record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome execute(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Nested
    class TheSubcommandTable {

        @Test
        void namesEachCommandAsItsAnnotationDoes() {
            Subcommands.all().forEach((name, type) ->
                    assertEquals(type.getAnnotation(Command.class).name(), name, type.getName()));
        }

        @Test
        void isWhatTheFullTreeHoldsInHelpOrder() {
            assertEquals(new ArrayList<>(Subcommands.all().keySet()),
                    new ArrayList<>(CogauthCommand.commandLine(CONTEXT).getSubcommands().keySet()));
        }
    }

    @Nested
    class ARunBuilds {

        @ParameterizedTest
        @ValueSource(strings = {"token", "signin", "local-pool", "_profiles"})
        void onlyTheSubcommandItsFirstArgumentNames(String name) {
            CommandLine cli = CogauthCommand.forArgs(CONTEXT, name, "--help");
            assertEquals(List.of(name), new ArrayList<>(cli.getSubcommands().keySet()));
            assertEquals("cogauth " + name, cli.getSubcommands().get(name).getCommandSpec().qualifiedName());
        }

        @ParameterizedTest
        @ValueSource(strings = {"help", "--help", "--version", "tokne", "-x"})
        void theFullTreeForAnythingElse(String first) {
            CommandLine cli = CogauthCommand.forArgs(CONTEXT, first);
            assertEquals(new ArrayList<>(Subcommands.all().keySet()), new ArrayList<>(cli.getSubcommands().keySet()));
        }

        @Test
        void theFullTreeForNoArguments() {
            assertEquals(Subcommands.all().size(), CogauthCommand.forArgs(CONTEXT).getSubcommands().size());
        }
    }

    static Stream<String> helpAndUsageErrors() {
        List<String> lines = new ArrayList<>();
        for (String name : Subcommands.all().keySet()) {
            if (!name.equals(Subcommands.HELP)) {
                lines.add(name + " --help");
            }
            // demo hands options it does not know to the signin it runs, against a pool it starts
            if (!name.equals(Subcommands.HELP) && !name.equals("demo")) {
                lines.add(name + " --no-such-option");
            }
        }
        lines.addAll(List.of("token --type refresh", "token --min-ttl soon", "token extra", "signin --pasword x",
                "status --al", "credentials --output yaml"));
        return lines.stream();
    }

    @ParameterizedTest(name = "cogauth {0}")
    @MethodSource("helpAndUsageErrors")
    void helpAndUsageErrorsReadTheSameThroughBothTrees(String commandLine) {
        String[] args = commandLine.split(" ");
        Outcome full = execute(CogauthCommand.commandLine(CONTEXT), args);
        Outcome one = execute(CogauthCommand.forArgs(CONTEXT, args), args);
        assertEquals(full, one);
        assertTrue(full.exitCode() == ExitCode.OK ? !full.out().isEmpty() : full.err().startsWith("cogauth: "),
                full.toString());
    }
}
