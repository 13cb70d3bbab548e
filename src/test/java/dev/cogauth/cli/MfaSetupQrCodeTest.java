package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The MFA set-up URI as a QR code is for a terminal only: piped or --no-input runs keep the text alone. */
class MfaSetupQrCodeTest {
    private static final String URI = "otpauth://totp/AbCdEf123:lee?secret=JBSWY3DPEHPK3PXP&issuer=AbCdEf123";
    private final StringWriter err = new StringWriter();

    @Test
    void offATerminalOnlyTheTextIsWritten() {
        LinePrompter piped = new LinePrompter(new BufferedReader(new StringReader("")), new PrintWriter(err));
        piped.show("or this URI:\n  " + URI);
        piped.showQrCode(URI);
        new NoInputPrompter(new PrintWriter(err)).showQrCode(URI);

        assertEquals("or this URI:\n  " + URI + System.lineSeparator(), err.toString());
    }

    @Test
    void onATerminalTheCodeIsHalfBlocksOnly() {
        String drawn = QrText.render(URI);
        assertEquals("", drawn.replaceAll("[ \u2580\u2584\u2588\n]", ""));
    }
}
