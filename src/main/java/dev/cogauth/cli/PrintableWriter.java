package dev.cogauth.cli;

import dev.cogauth.protocol.PrintableText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The edge of stderr: whatever reaches it (a pool's error, a challenge parameter, an OAuth error description, the
 * answer command's stderr, the local pool's log) goes out with its control characters shown as escapes, so no
 * path can write a terminal sequence. Line breaks pass, a carriage return only as part of one ("\r\n").
 */
final class PrintableWriter extends FilterWriter {

    PrintableWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        write(new String(chars, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        StringBuilder safe = new StringBuilder(length);
        for (int i = offset; i < offset + length; i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && i + 1 < offset + length && text.charAt(i + 1) == '\n');
            safe.append(PrintableText.isUnsafe(c) && !lineBreak ? PrintableText.escape(c) : String.valueOf(c));
        }
        out.write(safe.toString());
    }
}
