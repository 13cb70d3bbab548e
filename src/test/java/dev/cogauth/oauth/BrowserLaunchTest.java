package dev.cogauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrowserLaunchTest {

    /** Variables as NAME=value separated by spaces; "-" for none. */
    @ParameterizedTest(name = "[{index}] --no-browser={0}, env {1} -> launch={2}")
    @CsvSource({
        "false, -,                                              true",
        "true,  -,                                              false",
        "false, DISPLAY=:0,                                     true",
        "false, SSH_CONNECTION=1.2.3.4_5_6.7.8.9_22,            false",
        "false, SSH_TTY=/dev/pts/3,                             false",
        "false, SSH_CONNECTION=x DISPLAY=localhost:10.0,        true",
        "false, SSH_TTY=/dev/pts/3 WAYLAND_DISPLAY=wayland-0,   true",
        "false, SSH_CONNECTION=x BROWSER=forward-to-laptop,     true",
        "false, SSH_CONNECTION=x DISPLAY=,                      false",
        "false, SSH_CONNECTION= SSH_TTY=,                       true",
        "true,  DISPLAY=:0,                                     false",
    })
    void launches_only_where_a_browser_can_show_up(boolean noBrowser, String env, boolean launch) {
        assertEquals(launch, BrowserLaunch.whyNot(noBrowser, env(env)).isEmpty());
    }

    private static Map<String, String> env(String spec) {
        Map<String, String> env = new LinkedHashMap<>();
        if (!spec.equals("-")) {
            for (String pair : spec.split(" ")) {
                int eq = pair.indexOf('=');
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return env;
    }
}
