package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MenuStateTest {
    private static final List<String> CHOICES = List.of("a code by email", "password", "passkey (not usable here)");

    @ParameterizedTest(name = "[{index}] keys \"{0}\" end on {1}")
    @CsvSource({
        "'',    1",
        "d,     2",
        "dd,    3",
        "ddd,   1",   // wraps at the bottom
        "u,     3",   // and at the top
        "dud,   2",
        "3u,    2",   // a digit moves there
        "9,     1",   // a number with no entry moves nothing
        "0d,    2",
    })
    void keysMoveTheHighlight(String keys, int expected) {
        MenuState state = new MenuState(CHOICES);
        for (char key : keys.toCharArray()) {
            switch (key) {
                case 'd' -> state.down();
                case 'u' -> state.up();
                default -> state.pick(key - '0');
            }
        }
        assertEquals(expected, state.number());
    }

    @Test
    void theLinesAreNumberedAsPipedInputNamesThemWithTheHighlightMarked() {
        MenuState state = new MenuState(CHOICES);
        state.down();

        assertEquals(List.of("  1) a code by email", "> 2) password", "  3) passkey (not usable here)"), state.lines());
        assertFalse(state.pick(4));
    }
}
