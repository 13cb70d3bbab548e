package dev.cogauth.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * What a command may learn about its process: environment, stdin and whether the standard
 * streams are terminals. Main builds the real one; tests pass their own.
 */
public final class CliContext {
    private final Map<String, String> env;
    private final InputStream stdin;
    /** Whether a standard stream (0, 1, 2) is a terminal. */
    private final IntPredicate terminal;
    private final Supplier<Clock> clockSource;
    private Clock clock;
    private SecureRandom random;

    CliContext(Map<String, String> env, InputStream stdin, IntPredicate terminal, Supplier<Clock> clockSource) {
        this.env = Map.copyOf(env);
        this.stdin = stdin;
        this.terminal = terminal;
        this.clockSource = clockSource;
    }

    /**
     * The real process. Terminal detection (JLine), the time zone and the random source are made
     * only when a command asks: {@code --version} and {@code --help} need none of them.
     */
    static CliContext system() {
        return new CliContext(System.getenv(), System.in, new Terminals(), Clock::systemDefaultZone);
    }

    /** A process whose streams are not terminals, for in-process tests. */
    public static CliContext of(Map<String, String> env, InputStream stdin, Clock clock) {
        return new CliContext(env, stdin, fd -> false, () -> clock);
    }

    Map<String, String> env() {
        return env;
    }

    Optional<String> env(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The user's home: $HOME, else what Java thinks. */
    Path home() {
        return env("HOME").map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home")));
    }

    InputStream stdin() {
        return stdin;
    }

    boolean stdinIsTerminal() {
        return terminal.test(0);
    }

    boolean stdoutIsTerminal() {
        return terminal.test(1);
    }

    synchronized Clock clock() {
        if (clock == null) {
            clock = clockSource.get();
        }
        return clock;
    }

    synchronized SecureRandom random() {
        if (random == null) {
            random = new SecureRandom();
        }
        return random;
    }
}
