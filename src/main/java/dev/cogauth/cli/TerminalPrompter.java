package dev.cogauth.cli;

import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.PromptKind;
import dev.cogauth.flow.Prompter;
import dev.cogauth.flow.SignInCancelledException;
import dev.cogauth.protocol.PrintableText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Interactive input through JLine on the terminal, written to stderr so that stdout stays the
 * payload. Passwords are read with echo off; answers too with {@code --mask-answers}.
 */
final class TerminalPrompter implements Prompter, AutoCloseable {
    /** JLine's "show nothing" mask: not even one '*' per key, so the length does not show. */
    private static final Character NO_ECHO = LineReaderImpl.NULL_MASK;
    private static final int CONFIRM_ATTEMPTS = 3;

    private final Terminal terminal;
    private final LineReader reader;
    private final boolean maskAnswers;
    private final boolean color;

    private TerminalPrompter(Terminal terminal, boolean maskAnswers, boolean color) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder().terminal(terminal)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .variable(LineReader.HISTORY_SIZE, 0)
                .build();
        this.maskAnswers = maskAnswers;
        this.color = color;
    }

    static TerminalPrompter open(boolean maskAnswers, boolean color) {
        try {
            TerminalBuilder builder = TerminalBuilder.builder().system(true)
                    .systemOutput(TerminalBuilder.SystemOutput.SysErr)
                    .nativeSignals(true);
            if (StandardCharsets.US_ASCII.equals(Charset.defaultCharset())) {
                // No locale set (LANG unset, "C"): Java assumes ASCII, but terminals today speak UTF-8.
                builder.encoding(StandardCharsets.UTF_8);
            }
            Terminal terminal = builder.build();
            return new TerminalPrompter(terminal, maskAnswers, color);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    @Override
    public String ask(Prompt prompt) {
        if (prompt.kind() == PromptKind.CHOICE && !prompt.choices().isEmpty()) {
            return new ChoiceMenu(terminal, color).choose(prompt);
        }
        PrintWriter out = terminal.writer();
        prompt.details().forEach(line -> out.println("  " + PrintableText.line(line)));
        out.flush();
        boolean secret = prompt.kind().alwaysSecret() || (maskAnswers && prompt.kind().isAnswer());
        String first = read(prompt, secret, PromptText.of(prompt));
        if (!prompt.confirm()) {
            return first;
        }
        for (int attempt = 1; ; attempt++) {
            String again = read(prompt, secret, "Repeat " + PrintableText.line(prompt.label().toLowerCase()) + ": ");
            if (again.equals(first)) {
                return first;
            }
            if (attempt == CONFIRM_ATTEMPTS) {
                throw new InputUnavailableException("the two entries of " + prompt.label().toLowerCase()
                        + " did not match");
            }
            show("The entries did not match; try again.");
            first = read(prompt, secret, PromptText.of(prompt));
        }
    }

    private String read(Prompt prompt, boolean secret, String text) {
        String shown = color && prompt.kind() != PromptKind.PASSWORD ? "\u001b[1m" + text + "\u001b[0m" : text;
        try {
            return secret ? reader.readLine(shown, NO_ECHO) : reader.readLine(shown);
        } catch (UserInterruptException e) {
            throw new SignInCancelledException("interrupted at the prompt for " + prompt.description(), false);
        } catch (EndOfFileException e) {
            throw new SignInCancelledException("input ended at the prompt for " + prompt.description(), true);
        }
    }

    @Override
    public void show(String message) {
        terminal.writer().println(PrintableText.lines(message));
        terminal.writer().flush();
    }

    @Override
    public void showQrCode(String text) {
        String drawn = QrText.render(text);
        int columns = terminal.getWidth();
        // Wrapped lines would scan as garbage: better no code than a broken one (0 means the width is unknown).
        if (columns > 0 && drawn.indexOf('\n') > columns) {
            show("(the terminal is too narrow for the QR code: " + drawn.indexOf('\n') + " columns needed)");
            return;
        }
        show(drawn);
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException ignored) {
            // The process is ending; a terminal that won't close has nothing left to lose.
        }
    }
}
