package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.PromptKind;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Scripted stdin: one line per question, questions on stderr, answers never echoed. */
class LinePrompterTest {
    private final StringWriter err = new StringWriter();

    private LinePrompter reading(String stdin) {
        return new LinePrompter(new BufferedReader(new StringReader(stdin)), new PrintWriter(err));
    }

    @Nested
    class WithLinesLeft {

        @Test
        void answersEachQuestionWithTheNextLineInOrder() {
            LinePrompter prompter = reading("alice\r\nsecret pw\n42\n");
            assertEquals("alice", prompter.ask(Prompt.of(PromptKind.USERNAME, "Username")));
            assertEquals("secret pw", prompter.ask(Prompt.of(PromptKind.PASSWORD, "Password")));
            assertEquals("42", prompter.ask(new Prompt(PromptKind.ANSWER, "What is 6 times 7?", List.of(), 2, false)));
        }

        @Test
        void writesTheQuestionAndItsDetailsButNeverTheAnswer() {
            LinePrompter prompter = reading("secret pw\n");
            prompter.ask(new Prompt(PromptKind.PASSWORD, "Password", List.of("hint: the usual"), 0, false));

            assertEquals(List.of("  hint: the usual", "Password: (reading stdin)"), err.toString().lines().toList());
            assertFalse(err.toString().contains("secret pw"));
        }

        @Test
        void asksANewPasswordOnceNotTwice() {
            LinePrompter prompter = reading("new-one\nsomething else\n");
            assertEquals("new-one", prompter.ask(new Prompt(PromptKind.NEW_PASSWORD, "New password", List.of(), 0, true)));
        }
    }

    @Nested
    class AtTheEndOfStdin {

        @Test
        void saysWhatWasBeingAsked() {
            LinePrompter prompter = reading("alice\n");
            prompter.ask(Prompt.of(PromptKind.USERNAME, "Username"));

            var error = assertThrows(InputUnavailableException.class,
                    () -> prompter.ask(Prompt.of(PromptKind.PASSWORD, "Password")));
            assertEquals("stdin ended while asking for Password", error.getMessage());
        }

        @Test
        void namesTheRoundOfACustomChallenge() {
            var error = assertThrows(InputUnavailableException.class, () -> reading("")
                    .ask(new Prompt(PromptKind.ANSWER, "What is 6 times 7?", List.of(), 3, false)));
            assertEquals("stdin ended while asking for What is 6 times 7? (round 3)", error.getMessage());
        }
    }

    @Test
    void showWritesTheMessageToStderr() {
        reading("").show("The pool requires a new password for bob.");
        assertEquals("The pool requires a new password for bob.\n", err.toString().replace("\r\n", "\n"));
    }
}
