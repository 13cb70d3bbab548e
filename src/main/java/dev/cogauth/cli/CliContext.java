package dev.cogauth.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a command may learn about its process: environment, stdin and whether the standard
 * streams are terminals. Main builds the real one; tests pass their own.
 */
public final class CliContext {
    private final Map<String, String> env;
    private final InputStream stdin;
    private final Supplier<Terminals> terminalDetector;
    private final Supplier<Clock> clockSource;
    private Terminals terminals;
    private Clock clock;
    private SecureRandom random;

    CliContext(Map<String, String> env, InputStream stdin, Supplier<Terminals> terminalDetector,
               Supplier<Clock> clockSource) {
        this.env = Map.copyOf(env);
        this.stdin = stdin;
        this.terminalDetector = terminalDetector;
        this.clockSource = clockSource;
    }

    /**
     * The real process. Terminal detection (JLine), the time zone and the random source are made
     * only when a command asks: {@code --version} and {@code --help} need none of them.
     */
    static CliContext system() {
        return new CliContext(System.getenv(), System.in, Terminals::detect, Clock::systemDefaultZone);
    }

    /** A process whose streams are not terminals, for in-process tests. */
    public static CliContext of(Map<String, String> env, InputStream stdin, Clock clock) {
        return new CliContext(env, stdin, () -> new Terminals(false, false, false), () -> clock);
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
        return terminals().stdin();
    }

    boolean stdoutIsTerminal() {
        return terminals().stdout();
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

    private synchronized Terminals terminals() {
        if (terminals == null) {
            terminals = terminalDetector.get();
        }
        return terminals;
    }
}
