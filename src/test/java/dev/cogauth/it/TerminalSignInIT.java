package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
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

    /** cogauth signin against the pool, prompting for everything. */
    private static List<String> signin(String... more) {
        List<String> args = new ArrayList<>(List.of("signin", "--pool-id", pool.poolId(), "--client-id", pool.clientId(),
                "--endpoint-url", moto.endpoint().toString(), "--auth-flow", "USER_PASSWORD_AUTH"));
        args.addAll(List.of(more));
        return Cogauth.command(args.toArray(String[]::new));
    }

    private static Tty start(List<String> command) throws Exception {
        return Tty.start(Cogauth.run().env("NO_COLOR", "1").environment(), command);
    }

    @Test
    void signsInWithPasswordAndAuthenticatorCodeWithoutEchoingThePassword() throws Exception {
        try (Tty tty = start(signin())) {
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

    @Test
    void maskAnswersHidesTheCodeToo() throws Exception {
        try (Tty tty = start(signin("-u", USER, "--mask-answers"))) {
            tty.awaitText("Password", WAIT);
            tty.typeLine(PASSWORD);
            tty.awaitText("Authenticator app code", WAIT);
            String code = totp.freshCode(Duration.ofSeconds(5));
            tty.typeLine(code);

            int exit = tty.awaitExit(WAIT);
            String screen = tty.screen();
            assertEquals(0, exit, () -> "exit code; screen:\n" + screen);
            assertFalse(screen.contains(code), () -> "the code was echoed:\n" + screen);
        }
    }

    /** {@code TOKEN=$(cogauth signin -o id-token)}: prompts on the terminal, the token only in the variable. */
    @Test
    void promptsOnTheTerminalWhileStdoutIsCaptured() throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "TOKEN=$(\"$@\"); status=$?; echo \"CAPTURED=${#TOKEN}:$(printf %s \"$TOKEN\" | cut -c1-3)\"; exit $status",
                "sh"));
        command.addAll(signin("-u", USER, "-o", "id-token"));
        try (Tty tty = start(command)) {
            tty.awaitText("Password", WAIT);
            tty.typeLine(PASSWORD);
            tty.awaitText("Authenticator app code", WAIT);
            tty.typeLine(totp.freshCode(Duration.ofSeconds(5)));

            int exit = tty.awaitExit(WAIT);
            String screen = tty.screen();
            assertEquals(0, exit, () -> "exit code; screen:\n" + screen);
            assertTrue(screen.matches("(?s).*CAPTURED=[1-9]\\d+:eyJ.*"), () -> "the ID token was captured:\n" + screen);
            assertFalse(screen.contains(PASSWORD), () -> "the password was echoed:\n" + screen);
            assertEquals(1, screen.split("eyJ", -1).length - 1, () -> "no token on the screen but the captured prefix:\n" + screen);
        }
    }

    @Test
    void aNewPasswordIsAskedTwiceAndNeverEchoed() throws Exception {
        pool.addUserWithTemporaryPassword("newbie", "Temporary-Tty-1");
        try (Tty tty = start(signin("-u", "newbie"))) {
            tty.awaitText("Password", WAIT);
            tty.typeLine("Temporary-Tty-1");
            tty.awaitText("New password", WAIT);
            tty.typeLine("Chosen-Tty-2");
            tty.awaitText("Repeat new password", WAIT);
            tty.typeLine("Chosen-Tty-2");

            int exit = tty.awaitExit(WAIT);
            String screen = tty.screen();
            assertEquals(0, exit, () -> "exit code; screen:\n" + screen);
            assertTrue(screen.contains("The pool requires a new password for newbie."), () -> screen);
            assertFalse(screen.contains("Temporary-Tty-1") || screen.contains("Chosen-Tty-2"),
                    () -> "a password was echoed:\n" + screen);
        }
    }

    /**
     * A UTF-8 locale, as terminals have. (Without LANG, Java 17 and so JLine decode the
     * terminal as ASCII and the name arrives as "j??rgen"; piped stdin is always UTF-8.)
     */
    @Test
    void aNonAsciiPasswordTypedInAUtf8TerminalArrivesIntact() throws Exception {
        pool.addUser("jürgen", "Grüße-ñ-Paß-1");
        Map<String, String> env = Cogauth.run().env("NO_COLOR", "1").env("LANG", "C.UTF-8").environment();
        try (Tty tty = Tty.start(env, signin())) {
            tty.awaitText("Username", WAIT);
            tty.typeLine("jürgen");
            tty.awaitText("Password", WAIT);
            tty.typeLine("Grüße-ñ-Paß-1");

            int exit = tty.awaitExit(WAIT);
            String screen = tty.screen();
            assertEquals(0, exit, () -> "exit code; screen:\n" + screen);
            assertTrue(screen.contains("Signed in as jürgen"), () -> screen);
        }
    }

    @Nested
    class EndingThePrompt {

        @Test
        void withCtrlDIsExit4() throws Exception {
            try (Tty tty = start(signin())) {
                tty.awaitText("Username", WAIT);
                tty.keys("C-d");
                int exit = tty.awaitExit(WAIT);
                String screen = tty.screen();
                assertEquals(4, exit, () -> "exit code; screen:\n" + screen);
                assertTrue(screen.contains("cogauth: input ended at the prompt for Username"), () -> screen);
                assertFalse(screen.contains("\tat ") || screen.contains("Exception"), () -> "no stack trace:\n" + screen);
            }
        }

        @Test
        void withCtrlCIsExit130() throws Exception {
            try (Tty tty = start(signin("-u", USER))) {
                tty.awaitText("Password", WAIT);
                tty.type("half-typed");
                tty.keys("C-c");
                int exit = tty.awaitExit(WAIT);
                String screen = tty.screen();
                assertEquals(130, exit, () -> "exit code; screen:\n" + screen);
                assertTrue(screen.contains("cogauth: interrupted at the prompt for Password"), () -> screen);
                assertFalse(screen.contains("half-typed"), () -> "the password was echoed:\n" + screen);
            }
        }
    }
}
