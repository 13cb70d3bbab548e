package dev.cogauth.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where cogauth keeps files, after the XDG base directory spec: profiles under
 * {@code $XDG_CONFIG_HOME/cogauth}, tokens under {@code $XDG_CACHE_HOME/cogauth}
 * ({@code COGAUTH_CACHE_DIR} overrides). Pure: the environment and home come in.
 */
public final class XdgDirs {
    public static final String CACHE_DIR_ENV = "COGAUTH_CACHE_DIR";

    private XdgDirs() {
    }

    public static Path cache(Map<String, String> env, Path home) {
        String override = env.get(CACHE_DIR_ENV);
        if (override != null && !override.isEmpty()) {
            return Path.of(override);
        }
        return base(env, "XDG_CACHE_HOME", home, ".cache").resolve("cogauth");
    }

    public static Path config(Map<String, String> env, Path home) {
        return base(env, "XDG_CONFIG_HOME", home, ".config").resolve("cogauth");
    }

    /** The spec says a relative XDG path is invalid and must be ignored. */
    private static Path base(Map<String, String> env, String variable, Path home, String fallback) {
        String value = env.get(variable);
        if (value != null && !value.isEmpty() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return home.resolve(fallback);
    }
}
