package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** stderr's edge: line breaks pass, every other control character is shown as an escape. */
class PrintableWriterTest {

    @Test
    void linesPassAndEscapeSequencesAreShown() {
        StringWriter written = new StringWriter();
        try (PrintWriter err = new PrintWriter(new PrintableWriter(written))) {
            err.print("cogauth: sign-in refused: Bad\u001b]0;PWNED\u0007 \u001b[2J\n");
            err.print("a\r\nb\rc\u009b\u202e\tz");
            err.write('\u001b');
        }

        assertEquals("cogauth: sign-in refused: Bad\\x1b]0;PWNED\\x07 \\x1b[2J\na\r\nb\\x0dc\\x9b\\u202e\tz\\x1b",
                written.toString());
    }
}
