package dev.cogauth.cli;

import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.Prompter;
import java.io.PrintWriter;

/** {@code --no-input}: every question is an error that names what was needed. */
final class NoInputPrompter implements Prompter {
    private final PrintWriter err;

    NoInputPrompter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public String ask(Prompt prompt) {
        throw new InputUnavailableException("input needed for " + prompt.description() + " but --no-input was given");
    }

    @Override
    public void show(String message) {
        err.println(message);
        err.flush();
    }
}
