package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.PromptContext;
import dev.cogauth.flow.PromptKind;
import dev.cogauth.flow.Prompter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The answer command run for real through sh: what it is given, what is taken from it, how it fails. */
class AnswerCommandPrompterTest {
    private static final PromptContext EMAIL_CODE = new PromptContext("EMAIL_OTP", "erin", 1,
            Map.of("CODE_DELIVERY_DESTINATION", "e***@e***"), List.of());

    private final StringWriter err = new StringWriter();
    private final List<String> traced = new ArrayList<>();
    private final List<String> askedOthers = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsAPosixShell() {
        assumeFalse(System.getProperty("os.name").toLowerCase().startsWith("windows"), "the scripts here are sh");
    }

    private String ask(String command, Duration timeout, Prompt prompt) {
        Prompter others = new Prompter() {
            @Override
            public String ask(Prompt p) {
                askedOthers.add(p.label());
                return "from-the-user";
            }

            @Override
            public void show(String message) {
            }
        };
        return new AnswerCommandPrompter(command, timeout, others, new PrintWriter(err, true), traced::add).ask(prompt);
    }

    private String ask(String command) {
        return ask(command, Duration.ofSeconds(30), codePrompt());
    }

    private static Prompt codePrompt() {
        return new Prompt(PromptKind.CODE, "Email code", List.of(), 0, false, List.of(), EMAIL_CODE);
    }

    @Test
    void theFirstStdoutLineIsTheAnswer() {
        assertEquals("123456", ask("printf '123456\\nignored\\n'"));
    }

    @Test
    void theCommandGetsTheChallengeInItsEnvironmentAndTheQuestionOnStdin() {
        String answer = ask("read -r question; echo \"$COGAUTH_CHALLENGE $question\"");

        assertEquals("EMAIL_OTP {\"challenge\":\"EMAIL_OTP\",\"username\":\"erin\",\"round\":1,"
                + "\"parameters\":{\"CODE_DELIVERY_DESTINATION\":\"e***@e***\"}}", answer);
    }

    @Test
    void itsStderrPassesThroughAndTheAnswerIsNeverTraced() {
        String answer = ask("echo 'looking in the mailbox' >&2; echo 987654");

        assertEquals("987654", answer);
        assertEquals("looking in the mailbox", err.toString().strip());
        assertTrue(traced.stream().noneMatch(line -> line.contains("987654")), traced::toString);
        assertTrue(traced.stream().anyMatch(line -> line.contains("EMAIL_OTP")), traced::toString);
    }

    @Test
    void aNonZeroExitIsInputUnavailableNamingTheStatusAndLastStderrLine() {
        InputUnavailableException e = assertThrows(InputUnavailableException.class,
                () -> ask("echo first >&2; echo 'no mail for erin' >&2; echo 111111; exit 7"));

        assertEquals("the answer command failed answering EMAIL_OTP (exit status 7); its last stderr line:"
                + " no mail for erin", e.getMessage());
    }

    @Test
    void noOutputIsInputUnavailable() {
        InputUnavailableException e = assertThrows(InputUnavailableException.class, () -> ask("true"));

        assertEquals("the answer command printed no answer for EMAIL_OTP (exit status 0); it wrote nothing on stderr",
                e.getMessage());
    }

    @Test
    void aCommandThatTakesTooLongIsStopped() {
        InputUnavailableException e = assertThrows(InputUnavailableException.class,
                () -> ask("echo waiting >&2; sleep 30; echo 1", Duration.ofSeconds(1), codePrompt()));

        assertEquals("the answer command did not answer EMAIL_OTP within 1 s (--answer-timeout) and was stopped;"
                + " its last stderr line: waiting", e.getMessage());
    }

    @Test
    void anAnswerWithoutALineFeedCountsWhenTheCommandExitsThoughItsChildHoldsStdout() throws Exception {
        Path pid = dir.resolve("pid");
        String answer = ask("sleep 300 & echo $! > '" + pid + "'; printf 42");

        assertEquals("42", answer);
        awaitEnded(pid);
    }

    @Test
    void whatTheCommandLeftInTheBackgroundEndsWithIt() throws Exception {
        Path pid = dir.resolve("pid");
        assertEquals("42", ask("sleep 300 & echo $! > '" + pid + "'; echo 42"));

        awaitEnded(pid);
    }

    @Test
    void aTimeoutEndsWhatTheCommandDetachedToo() throws Exception {
        assumeTrue(ProcessGroup.setsid().isPresent(), "only a process group reaches a detached child: no setsid here");
        Path pid = dir.resolve("pid");
        assertThrows(InputUnavailableException.class, () -> ask("(sleep 300 & echo $! > '" + pid + "'); sleep 300",
                Duration.ofSeconds(2), codePrompt()));

        awaitEnded(pid);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "lines on stdout          | yes                              | more than 64 KiB on stdout",
        "one endless stdout line  | tr '\\0' x < /dev/zero         | more than 64 KiB on stdout",
        "lines on stderr          | yes >&2                          | more than 1024 KiB on stderr",
        "one endless stderr line  | tr '\\0' x < /dev/zero >&2     | more than 1024 KiB on stderr",
    })
    void endlessOutputIsCappedAndStopsTheCommand(String what, String command, String expected) {
        InputUnavailableException e = assertThrows(InputUnavailableException.class,
                () -> ask(command, Duration.ofMinutes(5), codePrompt()), what);

        assertEquals("the answer command wrote " + expected + " answering EMAIL_OTP and was stopped", e.getMessage());
        assertTrue(err.getBuffer().length() <= AnswerCommand.STDERR_CAP + 4096, what + ": passed through "
                + err.getBuffer().length() + " characters");
    }

    @Test
    void theCommandRunsInAGroupOfItsOwn() {
        assumeTrue(ProcessGroup.setsid().isPresent(), "no setsid here");
        String groupAndPid = ask("echo \"$(ps -o pgid= -p $$ | tr -d ' ') $$\"");

        String[] both = groupAndPid.split(" ");
        assertEquals(both[1], both[0], "the process group is the command's own");
    }

    /** Waits (generously: the machine may be loaded) for the process whose pid the command wrote to end. */
    private static void awaitEnded(Path pidFile) throws Exception {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        try {
            handle.ifPresent(h -> h.onExit().orTimeout(60, TimeUnit.SECONDS).join());
        } catch (CompletionException stillRunning) {
            fail("process " + pid + " outlived the answer command");
        } finally {
            handle.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theUsernameAndPasswordsStillComeFromTheUser() {
        String answer = ask("echo never", Duration.ofSeconds(30), Prompt.of(PromptKind.PASSWORD, "Password"));

        assertEquals("from-the-user", answer);
        assertEquals(List.of("Password"), askedOthers);
    }
}
