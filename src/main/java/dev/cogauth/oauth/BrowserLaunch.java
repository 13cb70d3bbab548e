package dev.cogauth.oauth;

import java.util.Map;
import java.util.Optional;

/**
 * Whether to run a browser launcher at all. Over SSH without a forwarded display a launcher either fails or
 * opens a text browser in the user's terminal (w3m, lynx), and the browser the user has is on another machine
 * anyway: then cogauth prints the URL and takes the address pasted back. A BROWSER the user set is theirs to
 * decide (e.g. a script that forwards the URL to their laptop), so it is still run.
 */
public final class BrowserLaunch {

    private BrowserLaunch() {
    }

    /** Empty when a launcher should be run; else why not, for the user. */
    public static Optional<String> whyNot(boolean noBrowserOption, Map<String, String> env) {
        if (noBrowserOption) {
            return Optional.of("--no-browser");
        }
        boolean ssh = set(env, "SSH_CONNECTION") || set(env, "SSH_TTY");
        boolean display = set(env, "DISPLAY") || set(env, "WAYLAND_DISPLAY");
        if (ssh && !display && !set(env, "BROWSER")) {
            return Optional.of("this is an SSH session without a display (no DISPLAY or WAYLAND_DISPLAY);"
                    + " set BROWSER to run a browser anyway");
        }
        return Optional.empty();
    }

    private static boolean set(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
