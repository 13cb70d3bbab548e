package dev.cogauth.cli;

import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.PromptContext;
import dev.cogauth.flow.Prompter;
import dev.cogauth.flow.Trace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code --answer-command}: every question about a challenge (codes, custom answers, choices)
 * goes to a program instead of the user, for CI where a code arrives only after the sign-in
 * starts. The username and passwords still come from the other prompter. The program's stderr
 * passes through; its answer is never shown or traced.
 */
final class AnswerCommandPrompter implements Prompter {
    private final String command;
    private final Duration timeout;
    private final Prompter others;
    private final PrintWriter err;
    private final Trace trace;

    AnswerCommandPrompter(String command, Duration timeout, Prompter others, PrintWriter err, Trace trace) {
        this.command = command;
        this.timeout = timeout;
        this.others = others;
        this.err = err;
        this.trace = trace;
    }

    @Override
    public String ask(Prompt prompt) {
        PromptContext context = prompt.context();
        if (context == null) {
            return others.ask(prompt);
        }
        trace.step("running the answer command for " + context.challenge() + " (round " + context.round() + ")");
        try {
            return run(context);
        } catch (IOException e) {
            throw new InputUnavailableException("cannot run the answer command: " + e.getMessage());
        }
    }

    private String run(PromptContext context) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(AnswerCommand.shell(command, System.getProperty("os.name")));
        builder.environment().put("COGAUTH_CHALLENGE", context.challenge());
        Process process = builder.start();
        AtomicReference<String> firstLine = new AtomicReference<>();
        AtomicReference<String> lastErrLine = new AtomicReference<>();
        Thread stdout = drain(process.getInputStream(), line -> firstLine.compareAndSet(null, line));
        Thread stderr = drain(process.getErrorStream(), line -> {
            lastErrLine.set(line);
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        });
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((AnswerCommand.question(context) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedEarly) {
            // A command that does not read its stdin may exit before we finish writing: that is its right.
        }
        if (!waitFor(process)) {
            // What it said before being stopped, not the shell's "Killed".
            String lastWords = lastErrLine.get();
            stop(process);
            throw new InputUnavailableException(AnswerCommand.timedOut(context.challenge(), timeout.toSeconds(),
                    lastWords));
        }
        join(stdout);
        join(stderr);
        int status = process.exitValue();
        trace.step("the answer command exited with status " + status);
        if (status != 0) {
            throw new InputUnavailableException(AnswerCommand.failed(context.challenge(), status, lastErrLine.get()));
        }
        String answer = firstLine.get();
        if (answer == null || answer.isBlank()) {
            throw new InputUnavailableException(AnswerCommand.silent(context.challenge(), lastErrLine.get()));
        }
        return answer;
    }

    private boolean waitFor(Process process) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            throw new InputUnavailableException("interrupted while waiting for the answer command");
        }
    }

    /** Stops the shell first, so it cannot report its children's deaths, then what it started. */
    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** Reads a stream line by line on its own thread, so neither pipe can fill and block the command. */
    private static Thread drain(InputStream stream, Consumer<String> eachLine) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    eachLine.accept(line);
                }
            } catch (IOException closed) {
                // The process was stopped: what it said so far is all there is.
            }
        }, "answer-command-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A killed command's grandchild may keep a pipe open: wait briefly, not forever. */
    private static void join(Thread thread) {
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void show(String message) {
        others.show(message);
    }

    @Override
    public void showQrCode(String text) {
        others.showQrCode(text);
    }
}
