package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.PromptKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptTextTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" round {1} -> \"{2}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Password             | 0 | \"Password: \"",
        "\"  Password  \"     | 0 | \"Password: \"",
        "What is 6 times 7?   | 2 | \"[round 2] What is 6 times 7? \"",
        "Your code:           | 1 | \"[round 1] Your code: \"",
        "Answer               | 3 | \"[round 3] Answer: \"",
        // a custom challenge's question comes from the pool: its escape sequences are shown, not obeyed
        "\"Sure?\u001b]0;PWNED\u0007\" | 1 | \"[round 1] Sure?\\x1b]0;PWNED\\x07: \"",
    })
    void showsTheRoundAndEndsWithOnePunctuationAndASpace(String label, int round, String expected) {
        assertEquals(expected, PromptText.of(new Prompt(PromptKind.ANSWER, label, List.of(), round, false)));
    }
}
