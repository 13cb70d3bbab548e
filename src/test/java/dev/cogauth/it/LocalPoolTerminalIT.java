package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.DemoPool;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo pool's custom flow in a real pseudo-terminal (tmux): what a person sees and types. */
class LocalPoolTerminalIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static InProcessPool pool;

    @BeforeAll
    static void start() throws Exception {
        pool = InProcessPool.start(DemoPool.definition(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void showsTheQuestionAndItsRoundAndNeverEchoesThePassword() throws Exception {
        try (Tty tty = Tty.start(Cogauth.run().env("NO_COLOR", "1").environment(), Cogauth.command("signin",
                "--pool-id", DemoPool.POOL_ID, "--client-id", DemoPool.CLIENT_ID, "--endpoint-url", pool.endpoint().toString(),
                "--auth-flow", "CUSTOM_WITH_SRP", "-u", DemoPool.USERNAME))) {
            tty.awaitText("Password", WAIT);
            tty.typeLine(DemoPool.PASSWORD);

            String first = tty.awaitText("[round 1] What is 6 times 7?", WAIT);
            assertFalse(first.contains(DemoPool.PASSWORD), () -> "the password was echoed:\n" + first);
            tty.typeLine("41");
            tty.awaitText("[round 2] What is 6 times 7?", WAIT);
            tty.typeLine("42");

            int exit = tty.awaitExit(WAIT);
            String screen = tty.screen();
            assertEquals(0, exit, () -> "exit code; screen:\n" + screen);
            assertTrue(screen.contains("41") && screen.contains("42"), () -> "answers are echoed as typed:\n" + screen);
            assertTrue(screen.contains("Signed in as demo <" + DemoPool.EMAIL + "> to " + DemoPool.POOL_ID), () -> "the summary:\n" + screen);
            assertFalse(screen.contains(DemoPool.PASSWORD), () -> "the password was echoed:\n" + screen);
            assertFalse(screen.contains("eyJ"), () -> "no raw token on a terminal:\n" + screen);
        }
    }
}
