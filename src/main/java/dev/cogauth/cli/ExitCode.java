package dev.cogauth.cli;

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

    /** The list picocli prints under "Exit codes:" in every command's help. */
    static final String[] HELP_LIST = {
        "0:Signed in / done.",
        "1:Internal error (a bug: please report it with --debug output), or stdout could not be written.",
        "2:Usage error: bad option or argument.",
        "3:Refused by the pool: wrong password or answer, unknown or unconfirmed user, reset required, attempts exceeded, expired session.",
        "4:Input needed but unavailable: stdin closed, --no-input, a sign-in is needed, or --browser-timeout passed.",
        "5:Bad configuration: missing or malformed config file or field.",
        "6:Network or service trouble after retries.",
        "130:Interrupted (Ctrl-C).",
    };

    private ExitCode() {
    }
}
