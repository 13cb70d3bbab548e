package dev.cogauth.cli;

import java.io.PrintWriter;

/** What a command hands to stdout, and nothing else goes there. */
final class Payload {
    private Payload() {
    }

    /**
     * Prints and flushes {@code text}. PrintWriter swallows write errors, and a script must not
     * take a lost payload for success, so a failed write ends the command (exit 1).
     *
     * @param what what the text is, for the error: "the tokens", "the status"
     */
    static void write(PrintWriter out, String text, String what) {
        out.print(text);
        out.flush();
        if (out.checkError()) {
            throw new UnwritableOutputException("cannot write " + what + " to stdout");
        }
    }
}
