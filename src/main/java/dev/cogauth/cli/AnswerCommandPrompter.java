package dev.cogauth.cli;

import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.PromptContext;
import dev.cogauth.flow.Prompter;
import dev.cogauth.flow.Trace;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code --answer-command}: every question about a challenge (codes, custom answers, choices)
 * goes to a program instead of the user, for CI where a code arrives only after the sign-in
 * starts. The username and passwords still come from the other prompter. The program's stderr
 * passes through; its answer is never shown or traced. It runs without cogauth's secret variables, in a process
 * group of its own that ends when it does, and what it may write is capped.
 */
final class AnswerCommandPrompter implements Prompter {
    /**
     * How long to wait for its pipes to close once it has been ended: at once, unless a detached child could not
     * be reached (no process group on this system); then what it printed before exiting is the answer.
     */
    private static final long PIPE_PATIENCE_MILLIS = 5_000;
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
        Map<String, String> environment = AnswerCommand.environment(builder.environment(), context.challenge());
        builder.environment().clear();
        builder.environment().putAll(environment);
        ProcessGroup group = ProcessGroup.start(builder);
        Process process = group.process();
        CappedOutput stdout = CappedOutput.read(process.getInputStream(), AnswerCommand.STDOUT_CAP, line -> { },
                "answer-command-stdout");
        CappedOutput stderr = CappedOutput.read(process.getErrorStream(), AnswerCommand.STDERR_CAP, line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }, "answer-command-stderr");
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((AnswerCommand.question(context) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedEarly) {
            // A command that does not read its stdin may exit before we finish writing: that is its right.
        }
        try {
            String tooMuch = awaitExit(group, stdout, stderr, context);
            if (tooMuch != null) {
                throw new InputUnavailableException(AnswerCommand.tooMuch(context.challenge(), tooMuch));
            }
        } finally {
            // What it left running (a background job holding its stdout) ends with it, and so the pipes close.
            group.end();
        }
        stdout.awaitEnd(PIPE_PATIENCE_MILLIS);
        stderr.awaitEnd(PIPE_PATIENCE_MILLIS);
        int status = process.exitValue();
        trace.step("the answer command exited with status " + status);
        if (status != 0) {
            throw new InputUnavailableException(AnswerCommand.failed(context.challenge(), status, stderr.lastLine()));
        }
        String answer = stdout.firstLine();
        if (answer == null || answer.isBlank()) {
            throw new InputUnavailableException(AnswerCommand.silent(context.challenge(), stderr.lastLine()));
        }
        return answer;
    }

    /**
     * Waits for the command itself to exit, not for its output to end: a child it left in the background may hold
     * the pipes open. Stops it at the timeout.
     *
     * @return which stream passed its cap, or null when the command exited
     */
    private String awaitExit(ProcessGroup group, CappedOutput stdout, CappedOutput stderr, PromptContext context) {
        try {
            CompletableFuture.anyOf(group.process().onExit(), stdout.overflow(), stderr.overflow())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // What it said before being stopped, not the shell's "Killed".
            throw new InputUnavailableException(AnswerCommand.timedOut(context.challenge(), timeout.toSeconds(),
                    stderr.lastLine()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputUnavailableException("interrupted while waiting for the answer command");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (stdout.overflow().isDone()) {
            return "stdout";
        }
        return stderr.overflow().isDone() ? "stderr" : null;
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
