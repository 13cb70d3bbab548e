package dev.cogauth.cli;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as terminal text: Unicode half blocks, two module rows per line, with the 4-module quiet zone.
 * Light modules (quiet zone included) are drawn as blocks and dark modules left blank, so the terminal's own
 * background is the dark colour: that scans on the usual dark-background terminal. On a light-background terminal
 * the code comes out inverted, which many but not all scanners read.
 */
final class QrText {
    static final int QUIET_ZONE = 4;
    /** Indexed by (top light ? 2 : 0) + (bottom light ? 1 : 0). */
    private static final char[] HALF_BLOCKS = {' ', '\u2584', '\u2580', '\u2588'};

    private QrText() {
    }

    static String render(String text) {
        return render(QrCode.encodeText(text, QrCode.Ecc.MEDIUM));
    }

    static String render(QrCode qr) {
        int width = qr.size + 2 * QUIET_ZONE;
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < width; row += 2) {
            if (row > 0) {
                out.append('\n');
            }
            for (int column = 0; column < width; column++) {
                out.append(HALF_BLOCKS[(light(qr, column, row, width) ? 2 : 0) + (light(qr, column, row + 1, width) ? 1 : 0)]);
            }
        }
        return out.toString();
    }

    /** The width is odd, so the last line's lower half lies outside the symbol: left blank, like a dark module. */
    private static boolean light(QrCode qr, int column, int row, int width) {
        return row < width && !qr.getModule(column - QUIET_ZONE, row - QUIET_ZONE);
    }
}
