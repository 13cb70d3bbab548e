package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.PromptContext;
import dev.cogauth.flow.PromptKind;
import dev.cogauth.flow.Prompter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The answer command run for real through sh: what it is given, what is taken from it, how it fails. */
class AnswerCommandPrompterTest {
    private static final PromptContext EMAIL_CODE = new PromptContext("EMAIL_OTP", "erin", 1,
            Map.of("CODE_DELIVERY_DESTINATION", "e***@e***"), List.of());

    private final StringWriter err = new StringWriter();
    private final List<String> traced = new ArrayList<>();
    private final List<String> askedOthers = new ArrayList<>();

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
    void theUsernameAndPasswordsStillComeFromTheUser() {
        String answer = ask("echo never", Duration.ofSeconds(30), Prompt.of(PromptKind.PASSWORD, "Password"));

        assertEquals("from-the-user", answer);
        assertEquals(List.of("Password"), askedOthers);
    }
}
