package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cogauth.localpool.DemoPool;
import dev.cogauth.localpool.SettableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions expire (3 minutes for the demo client): the demo pool runs in this JVM on a clock the
 * test moves while cogauth, a process, waits on its stdin for the answer.
 */
class LocalPoolSessionExpiryIT {
    private static final SettableClock clock = new SettableClock();
    private static InProcessPool pool;

    @BeforeAll
    static void start() throws Exception {
        pool = InProcessPool.start(DemoPool.definition(), clock);
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
    }

    /** Starts a custom-with-SRP sign-in, waits for the question, moves the pool's clock, then answers 42. */
    private static Cogauth.Result answerAfter(Duration wait) throws Exception {
        try (CogauthDialog dialog = CogauthDialog.start(Cogauth.run().env("COGAUTH_PASSWORD", DemoPool.PASSWORD),
                "signin", "--pool-id", DemoPool.POOL_ID, "--client-id", DemoPool.CLIENT_ID,
                "--endpoint-url", pool.endpoint().toString(), "--auth-flow", "CUSTOM_WITH_SRP", "-u", DemoPool.USERNAME)) {
            dialog.awaitQuestion("What is 6 times 7?");
            clock.advance(wait);
            dialog.answer("42");
            return dialog.finish();
        }
    }

    @Test
    void anAnswerWithinTheSessionsLifetimeSignsIn() throws Exception {
        answerAfter(Duration.ofMinutes(2).plusSeconds(50)).assertExit(0);
    }

    @Test
    void anAnswerAfterItIsRefusedWithTheSessionExpiredLine() throws Exception {
        Cogauth.Result run = answerAfter(Duration.ofMinutes(3).plusSeconds(10));

        run.assertExit(3);
        List<String> lines = run.errorLines();
        assertEquals(1, lines.size(), run::describe);
        run.check(lines.get(0).startsWith("cogauth: the sign-in session expired") && lines.get(0).contains("NotAuthorizedException"),
                "the session-expired line");
        run.check(!run.hasStackTrace(), "no stack trace");
    }
}
