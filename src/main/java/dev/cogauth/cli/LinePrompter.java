package dev.cogauth.cli;

import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.Prompter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Scripted input: one line of stdin per question, in the order the exchange asks. The
 * questions go to stderr so a CI log shows what was asked; the answers are never echoed.
 */
final class LinePrompter implements Prompter {
    private final BufferedReader in;
    private final PrintWriter err;

    LinePrompter(BufferedReader in, PrintWriter err) {
        this.in = in;
        this.err = err;
    }

    @Override
    public String ask(Prompt prompt) {
        prompt.details().forEach(line -> err.println("  " + line));
        err.println(PromptText.of(prompt) + "(reading stdin)");
        err.flush();
        try {
            String line = in.readLine();
            if (line == null) {
                throw new InputUnavailableException("stdin ended while asking for " + prompt.description());
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin", e);
        }
    }

    @Override
    public void show(String message) {
        err.println(message);
        err.flush();
    }
}
