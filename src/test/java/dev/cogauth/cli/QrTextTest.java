package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nayuki.qrcodegen.QrCode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The half-block text decodes back to exactly the library's module grid, quiet zone included. */
class QrTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"x", "otpauth://totp/eu-west-1_AbC:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=eu-west-1_AbC"})
    void everyCharacterIsTheTwoModulesAboveEachOtherWithLightAsBlock(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        List<String> lines = QrText.render(text).lines().toList();
        int width = qr.size + 2 * QrText.QUIET_ZONE;
        assertEquals((width + 1) / 2, lines.size());
        for (int line = 0; line < lines.size(); line++) {
            assertEquals(width, lines.get(line).length(), "line " + line);
            for (int column = 0; column < width; column++) {
                char c = lines.get(line).charAt(column);
                boolean topLight = c == '\u2588' || c == '\u2580';
                boolean bottomLight = c == '\u2588' || c == '\u2584';
                assertTrue(c == ' ' || topLight || bottomLight, "unexpected character " + (int) c);
                assertEquals(light(qr, column, 2 * line), topLight, "module " + column + "," + 2 * line);
                if (2 * line + 1 < width) {
                    assertEquals(light(qr, column, 2 * line + 1), bottomLight, "module " + column + "," + (2 * line + 1));
                } else {
                    assertFalse(bottomLight, "below the quiet zone nothing is drawn");
                }
            }
        }
    }

    /** Light where the library says so, and throughout the 4-module quiet zone. */
    private static boolean light(QrCode qr, int column, int row) {
        int x = column - QrText.QUIET_ZONE;
        int y = row - QrText.QUIET_ZONE;
        boolean inside = x >= 0 && y >= 0 && x < qr.size && y < qr.size;
        return !inside || !qr.getModule(x, y);
    }
}
