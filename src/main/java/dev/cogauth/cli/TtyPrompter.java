package dev.cogauth.cli;

import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.Prompter;
import dev.cogauth.flow.SignInCancelledException;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Questions on the controlling terminal, {@code /dev/tty}, for a sign-in inside another program that
 * keeps stdin and stdout for itself (kubectl's exec plugin, the AWS CLI's credential_process, which
 * pipes both): nothing reaches stdout. Passwords are read with the terminal's echo off ({@code stty
 * -echo} on {@code /dev/tty}, turned back on afterwards, also when the process is interrupted).
 */
final class TtyPrompter implements Prompter, AutoCloseable {
    private static final File TTY = new File("/dev/tty");

    private final BufferedReader in;
    private final PrintWriter out;

    private TtyPrompter(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    /** The controlling terminal, or empty when the process has none (a CI job, a daemon). */
    static Optional<TtyPrompter> open() {
        try {
            FileInputStream input = new FileInputStream(TTY);
            FileOutputStream output;
            try {
                output = new FileOutputStream(TTY);
            } catch (IOException e) {
                input.close();
                return Optional.empty();
            }
            return Optional.of(new TtyPrompter(new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8)),
                    new PrintWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), true)));
        } catch (IOException noTerminal) {
            return Optional.empty();
        }
    }

    @Override
    public String ask(Prompt prompt) {
        prompt.details().forEach(line -> out.println("  " + line));
        boolean secret = prompt.kind().alwaysSecret();
        String first = read(prompt, secret, PromptText.of(prompt));
        if (prompt.confirm() && !first.equals(read(prompt, secret, "Repeat " + prompt.label().toLowerCase() + ": "))) {
            throw new InputUnavailableException("the two entries of " + prompt.label().toLowerCase() + " did not match");
        }
        return first;
    }

    private String read(Prompt prompt, boolean secret, String text) {
        Thread restore = new Thread(() -> echo(true));
        if (secret) {
            // Off before the prompt shows: a fast typist (or a test) starts typing as soon as it does.
            Runtime.getRuntime().addShutdownHook(restore);
            echo(false);
        }
        out.print(text);
        out.flush();
        try {
            String line = in.readLine();
            if (line == null) {
                throw new SignInCancelledException("input ended at the prompt for " + prompt.description(), true);
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the terminal", e);
        } finally {
            if (secret) {
                echo(true);
                out.println();
                try {
                    Runtime.getRuntime().removeShutdownHook(restore);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running or has run: echo is back either way.
                }
            }
        }
    }

    /** Turns the terminal's echo on or off; stty gets the terminal and nothing of cogauth's environment. */
    private static void echo(boolean on) {
        ProcessBuilder stty = new ProcessBuilder("stty", on ? "echo" : "-echo").redirectInput(TTY)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        String path = System.getenv("PATH");
        stty.environment().clear();
        stty.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
        try {
            stty.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot turn the terminal's echo " + (on ? "on" : "off") + " (stty)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void show(String message) {
        out.println(message);
    }

    @Override
    public void close() {
        out.flush();
        try {
            in.close();
        } catch (IOException ignored) {
            // Nothing was left to read.
        }
        out.close();
    }
}
