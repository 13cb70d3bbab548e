package dev.cogauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XdgDirsTest {
    private static final Path HOME = Path.of("/home/alice");

    private static Map<String, String> env(String name, String value) {
        Map<String, String> env = new HashMap<>();
        if (!name.isEmpty()) {
            env.put(name, value);
        }
        return env;
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
        // COGAUTH_CACHE_DIR wins, relative or not: the user said exactly where
        "COGAUTH_CACHE_DIR, /tmp/c,      /tmp/c",
        "XDG_CACHE_HOME,    /var/cache,  /var/cache/cogauth",
        // the spec says to ignore a relative XDG path
        "XDG_CACHE_HOME,    rel/cache,   /home/alice/.cache/cogauth",
        "XDG_CACHE_HOME,    '',          /home/alice/.cache/cogauth",
        "'',                '',          /home/alice/.cache/cogauth",
    })
    void cache(String name, String value, String expected) {
        assertEquals(Path.of(expected), XdgDirs.cache(env(name, value), HOME));
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
        "XDG_CONFIG_HOME,   /etc/xdg,    /etc/xdg/cogauth",
        "XDG_CONFIG_HOME,   relative,    /home/alice/.config/cogauth",
        "COGAUTH_CACHE_DIR, /tmp/c,      /home/alice/.config/cogauth",
        "'',                '',          /home/alice/.config/cogauth",
    })
    void config(String name, String value, String expected) {
        assertEquals(Path.of(expected), XdgDirs.config(env(name, value), HOME));
    }
}
