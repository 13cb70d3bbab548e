package dev.cogauth.oauth;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens a URL in the user's browser: {@code $BROWSER} first (commands separated by {@code :},
 * each run with the URL as its last argument), then the platform's opener. A command that
 * exits non-zero or cannot be started counts as not opened, and its last line on stderr is kept
 * to tell the user why; one still running after a few seconds is a browser that stays open,
 * which counts as opened. Each command gets the environment it is given, not cogauth's own: the caller leaves
 * out the secrets cogauth read from its environment.
 */
public final class BrowserOpener {
    private static final long WAIT_SECONDS = 5;

    private final List<List<String>> commands;
    private final Map<String, String> environment;
    private final Consumer<String> debug;

    public BrowserOpener(List<List<String>> commands, Map<String, String> environment, Consumer<String> debug) {
        this.commands = List.copyOf(commands);
        this.environment = Map.copyOf(environment);
        this.debug = debug;
    }

    /** The opener for this machine: {@code $BROWSER} of {@code environment}, then this OS's opener. */
    public static BrowserOpener forPlatform(Map<String, String> environment, Consumer<String> debug) {
        return new BrowserOpener(commands(Optional.ofNullable(environment.get("BROWSER")),
                System.getProperty("os.name", "")), environment, debug);
    }

    /** The commands to try, in order, for {@code $BROWSER} and the OS name ({@code os.name}). */
    public static List<List<String>> commands(Optional<String> browserEnv, String osName) {
        List<List<String>> commands = new ArrayList<>();
        browserEnv.ifPresent(value -> Arrays.stream(value.split(":"))
                .map(String::strip)
                .filter(command -> !command.isEmpty())
                .forEach(command -> commands.add(List.of(command.split("\\s+")))));
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            commands.add(List.of("rundll32", "url.dll,FileProtocolHandler"));
        } else if (os.startsWith("mac")) {
            commands.add(List.of("open"));
        } else {
            commands.add(List.of("xdg-open"));
        }
        return commands;
    }

    /** Whether a command opened the URL, and what each one that failed said. */
    public record Outcome(boolean opened, List<String> failures) {
        public Outcome {
            failures = List.copyOf(failures);
        }
    }

    /** Tries each command in turn until one opens the URL. */
    public Outcome open(URI url) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        for (List<String> command : commands) {
            List<String> argv = new ArrayList<>(command);
            argv.add(url.toString());
            try {
                ProcessBuilder builder = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                builder.environment().clear();
                builder.environment().putAll(environment);
                Process process = builder.start();
                process.getOutputStream().close();
                LastLine stderr = LastLine.readInBackground(process.getErrorStream());
                if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) || process.exitValue() == 0) {
                    debug.accept("opened the browser with " + command.get(0));
                    return new Outcome(true, failures);
                }
                String said = stderr.await();
                failures.add(command.get(0) + " exited with " + process.exitValue()
                        + (said.isEmpty() ? "" : ": " + said));
            } catch (IOException e) {
                failures.add("cannot run " + command.get(0) + ": " + e.getMessage());
            }
            debug.accept(failures.get(failures.size() - 1));
        }
        return new Outcome(false, failures);
    }
}
