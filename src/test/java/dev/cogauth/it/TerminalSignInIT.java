package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * cogauth in a real pseudo-terminal (tmux): what a person at a terminal sees. The password must
 * not be echoed, the prompts must say what they ask, and with stdout on the terminal no raw
 * tokens are printed, only the summary.
 */
class TerminalSignInIT {
    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Typed-secret-91";
    private static final String USER = "terminal-tina";

    private static MotoPool pool;
    private static Totp totp;

    @BeforeAll
    static void provision() {
        pool = moto.newPool("tty-it");
        pool.addUser(USER, PASSWORD);
        totp = pool.enableTotp(USER, PASSWORD);
    }

    @Test
    void signsInWithPasswordAndAuthenticatorCodeWithoutEchoingThePassword() throws Exception {
        Cogauth run = Cogauth.run().env("NO_COLOR", "1");
        try (Tty tty = Tty.start(run.environment(), Cogauth.javaCommand("signin", "--pool-id", pool.poolId(),
                "--client-id", pool.clientId(), "--endpoint-url", moto.endpoint().toString(),
                "--auth-flow", "USER_PASSWORD_AUTH"))) {
            tty.awaitText("Username", WAIT);
            tty.typeLine(USER);

            tty.awaitText("Password", WAIT);
            tty.typeLine(PASSWORD);

            String atCode = tty.awaitText("Authenticator app code", WAIT);
            assertTrue(atCode.contains(USER), () -> "the username is echoed as typed:\n" + atCode);
            assertFalse(atCode.contains(PASSWORD), () -> "the password was echoed:\n" + atCode);
            String code = totp.freshCode(Duration.ofSeconds(5));
            tty.typeLine(code);

            int exit = tty.awaitExit(WAIT);
            String screen = tty.screen();
            assertEquals(0, exit, () -> "exit code; screen:\n" + screen);
            assertTrue(screen.contains("Signed in as " + USER + " to " + pool.poolId()),
                    () -> "the summary names user and pool:\n" + screen);
            assertTrue(screen.contains(code), () -> "the code is visible as typed:\n" + screen);
            assertFalse(screen.contains(PASSWORD), () -> "the password was echoed:\n" + screen);
            assertFalse(screen.contains("eyJ"), () -> "no raw token on a terminal:\n" + screen);
            assertFalse(screen.contains("(reading stdin)"), () -> "prompted on the terminal, not read as a script:\n" + screen);
        }
    }
}
