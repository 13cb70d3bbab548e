package dev.cogauth.protocol;

/**
 * Text from the network made safe for a terminal or a log: a pool's error message, a challenge parameter, an
 * OAuth {@code error_description}, a requested client id. Control characters (C0 but tab, DEL, C1) would let a
 * server move the cursor, retitle the window or clear the screen, and bidi controls would let it reorder what
 * the user reads; each is shown as a visible escape instead ({@code \x1b}, {@code \u202e}). Pure.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** One line: line breaks are escaped too, so a message cannot forge a second "cogauth:" line. */
    public static String line(String text) {
        return neutralise(text, false);
    }

    /** Several lines: only line feeds pass, so a stream of lines stays lines. */
    public static String lines(String text) {
        return neutralise(text, true);
    }

    /** Whether {@code c} is shown as an escape (a line feed is decided by the caller). */
    public static boolean isUnsafe(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    /** The visible form of an unsafe character: {@code \x1b} below 256, {@code \u202e} above. */
    public static String escape(char c) {
        return c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
    }

    private static String neutralise(String text, boolean keepLineFeeds) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = isUnsafe(c) && !(keepLineFeeds && c == '\n');
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(unsafe ? escape(c) : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }
}
