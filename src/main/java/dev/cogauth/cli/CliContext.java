package dev.cogauth.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
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
    private final Supplier<ZoneId> zoneSource;
    private Clock clock;
    private SecureRandom random;

    CliContext(Map<String, String> env, InputStream stdin, IntPredicate terminal, Supplier<Clock> clockSource,
               Supplier<ZoneId> zoneSource) {
        this.env = Map.copyOf(env);
        this.stdin = stdin;
        this.terminal = terminal;
        this.clockSource = clockSource;
        this.zoneSource = zoneSource;
    }

    /**
     * The real process. Terminal detection (JLine), the time zone and the random source are made
     * only when a command asks: {@code --version} and {@code --help} need none of them. The clock is UTC:
     * finding the user's zone loads the zone database and scans every jar for zone providers, which would
     * be a good part of a cached {@code token}'s run.
     */
    static CliContext system() {
        return new CliContext(System.getenv(), System.in, new Terminals(), Clock::systemUTC, ZoneId::systemDefault);
    }

    /** A process whose streams are not terminals, for in-process tests. */
    public static CliContext of(Map<String, String> env, InputStream stdin, Clock clock) {
        return new CliContext(env, stdin, fd -> false, () -> clock, clock::getZone);
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

    /** The user's time zone, for times shown to people. */
    ZoneId zone() {
        return zoneSource.get();
    }

    synchronized SecureRandom random() {
        if (random == null) {
            random = new SecureRandom();
        }
        return random;
    }
}
