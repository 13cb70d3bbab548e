package dev.cogauth.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes cogauth documents in --help; scripts depend on them, so they never change. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int BUG = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int INPUT_NEEDED = 4;
    public static final int CONFIG = 5;
    public static final int SERVICE = 6;
    /** 128 + SIGINT, as shells report a Ctrl-C. */
    public static final int INTERRUPTED = 130;

    /**
     * What each code means, in order: the one source of the "Exit codes:" list in every command's help, and of
     * the README's table (a test holds the README to it, word for word).
     */
    static final Map<String, String> MEANINGS = meanings(
            OK, "signed in / done",
            BUG, "internal error (a bug: please report it with --debug output), or stdout could not be written",
            USAGE, "usage error: bad option or argument",
            REFUSED, "refused by the pool: wrong password or answer, unknown or unconfirmed user, reset required,"
                    + " attempts exceeded, expired session, a challenge cogauth cannot answer",
            INPUT_NEEDED, "input needed but unavailable: stdin ended, --no-input, Ctrl-D, the answer command failed or timed out,"
                    + " a sign-in is needed, or --browser-timeout passed",
            CONFIG, "bad configuration: missing or malformed config file or field, unknown pool or client",
            SERVICE, "network or service trouble after the SDK's retries: unreachable, throttled, unavailable,"
                    + " or an answer that is not Cognito's",
            INTERRUPTED, "interrupted (Ctrl-C)");

    private ExitCode() {
    }

    private static Map<String, String> meanings(Object... codesAndMeanings) {
        Map<String, String> meanings = new LinkedHashMap<>();
        for (int i = 0; i < codesAndMeanings.length; i += 2) {
            meanings.put(String.valueOf(codesAndMeanings[i]), (String) codesAndMeanings[i + 1]);
        }
        return Collections.unmodifiableMap(meanings);
    }
}
