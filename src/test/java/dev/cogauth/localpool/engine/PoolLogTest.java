package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool's log prints what clients sent (a requested ClientId, a username): shown, never obeyed by the terminal. */
class PoolLogTest {

    @Test
    void noticesAndStepsShowControlCharactersAsEscapes() {
        List<String> lines = new ArrayList<>();
        PoolLog log = PoolLog.to(lines::add, true);

        log.step("InitiateAuth: unknown client \u001b]0;PWNED\u0007\u001b[2J");
        log.notice("code for bob\r\ncogauth: forged");

        assertEquals(List.of("InitiateAuth: unknown client \\x1b]0;PWNED\\x07\\x1b[2J",
                "code for bob\\x0d\\x0acogauth: forged"), lines);
    }
}
