package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line in-process, through Main.run: everything that ends before the first network call. */
class MainTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    /** A finished run; failing assertions show both streams. */
    record Run(int exitCode, String out, String err) {
        Run assertExit(int expected) {
            assertEquals(expected, exitCode, this::describe);
            return this;
        }

        void check(boolean condition, String what) {
            assertTrue(condition, () -> what + "\n" + describe());
        }

        String describe() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
        }
    }

    private static Run run(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = CliContext.of(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), CLOCK);
        int code = Main.run(context, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(Map.of(), "", args);
    }

    @Nested
    class Help {

        @ParameterizedTest
        @ValueSource(strings = {"--help", "signin --help", "help signin"})
        void listsEveryExitCode(String command) {
            Run run = run(command.split(" ")).assertExit(0);
            run.check(run.out().contains("Exit codes:"), "has the heading");
            for (String code : List.of("0", "1", "2", "3", "4", "5", "6", "130")) {
                run.check(run.out().lines().anyMatch(line -> line.strip().startsWith(code + " ")), "lists " + code);
            }
        }

        @Test
        void signinHelpNamesTheEnvironmentVariables() {
            Run run = run("signin", "--help").assertExit(0);
            run.check(run.out().contains("COGAUTH_PASSWORD") && run.out().contains("COGAUTH_CLIENT_SECRET"), "both named");
        }
    }

    @Test
    void versionNamesTheToolAndTheJavaRuntime() {
        Run run = run("--version").assertExit(0);
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run::describe);
        run.check(lines.get(0).matches("cogauth \\S+ \\(commit [^)]+\\)"), "the tool's version and commit");
        run.check(lines.get(1).startsWith("Java " + System.getProperty("java.version")), "the runtime");
    }

    @Nested
    class UsageErrors {

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
            "an unknown option           | signin --pool-id us-east-1_Abc --password x",
            "an unknown auth flow        | signin --pool-id us-east-1_Abc --client-id abc123 --auth-flow CUSTOM",
            "an unknown output format    | signin --pool-id us-east-1_Abc --client-id abc123 -o yaml",
            "a metadata entry without =  | signin --pool-id us-east-1_Abc --client-id abc123 --client-metadata novalue",
            "an unknown command          | sign-in",
        })
        void exitWith2AndNothingOnStdout(String what, String command) {
            Run run = run(command.split(" ")).assertExit(2);
            run.check(run.out().isEmpty(), what + ": nothing on stdout");
            run.check(!run.err().contains("\tat "), what + ": no stack trace");
        }
    }

    @Nested
    class ConfigErrors {

        @Test
        void aMissingFileIsOneLineNamingItWithExit5(@TempDir Path dir) {
            Path missing = dir.resolve("nope.json");
            Run run = run("signin", "--config", missing.toString(), "-u", "x").assertExit(5);
            assertEquals(List.of("cogauth: " + missing + ": no such file"), run.err().lines().toList(), run::describe);
        }

        @Test
        void badJsonIsOneLineWithExit5(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("awsconfiguration.json"), "{\"CognitoUserPool\": ");
            Run run = run("signin", "--config", file.toString(), "-u", "x").assertExit(5);
            assertEquals(1, run.err().lines().count(), run::describe);
            run.check(run.err().startsWith("cogauth: " + file), "names the file");
        }
    }

    @Nested
    class ScriptedInput {
        private static final String[] SIGNIN = {"signin", "--pool-id", "us-east-1_Abc123", "--client-id", "abc123",
            "--endpoint-url", "http://127.0.0.1:9", "--auth-flow", "USER_PASSWORD_AUTH"};

        @Test
        void emptyStdinIsExit4AskingForTheUsername() {
            Run run = run(Map.of(), "", SIGNIN).assertExit(4);
            run.check(run.err().endsWith("cogauth: stdin ended while asking for Username\n"), "says what was asked");
            run.check(run.out().isEmpty(), "nothing on stdout");
        }

        @Test
        void noInputIsExit4NamingThePassword() {
            String[] args = List.of(List.of(SIGNIN), List.of("-u", "alice", "--no-input")).stream()
                    .flatMap(List::stream).toArray(String[]::new);
            Run run = run(Map.of(), "typed-but-unread\n", args).assertExit(4);
            assertEquals("cogauth: input needed for Password but --no-input was given\n", run.err(), run::describe);
        }
    }
}
