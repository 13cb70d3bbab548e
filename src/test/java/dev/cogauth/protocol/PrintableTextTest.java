package dev.cogauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrintableTextTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // the report's title change and screen clear (OSC 0, BEL; CSI 2J)
        "a title and a clear |Bad\u001b]0;PWNED\u0007 \u001b[2J|Bad\\x1b]0;PWNED\\x07 \\x1b[2J",
        "NUL, backspace, DEL |a\u0000b\bc\u007f   |a\\x00b\\x08c\\x7f",
        // C1: CSI (0x9b) alone starts a sequence on some terminals; NEL (0x85) breaks a line
        "C1                  |a\u009b2Jb\u0085c   |a\\x9b2Jb\\x85c",
        // bidi overrides and isolates reorder what is read
        "bidi                |exe.\u202etxt\u2066x\u2069\u200f|exe.\\u202etxt\\u2066x\\u2069\\u200f",
        "tab and Unicode stay|Grüße\tñ 日本 😀  |Grüße\tñ 日本 😀",
    })
    void aLineShowsEveryControlCharacterAsAnEscape(String what, String text, String expected) {
        assertEquals(expected, PrintableText.line(text), what);
    }

    @Test
    void aLineEscapesLineBreaksSoNoSecondLineCanBeForged() {
        assertEquals("ok\\x0acogauth: fine\\x0d", PrintableText.line("ok\ncogauth: fine\r"));
    }

    @Test
    void linesKeepTheirLineFeedsButNotCarriageReturns() {
        assertEquals("one\ntwo\\x0d\\x1b[1A", PrintableText.lines("one\ntwo\r\u001b[1A"));
    }

    @Test
    void safeTextIsReturnedAsItIsAndNullStaysNull() {
        String safe = "sign-in refused: Incorrect username or password. (NotAuthorizedException)";
        assertSame(safe, PrintableText.line(safe));
        assertNull(PrintableText.line(null));
    }
}
