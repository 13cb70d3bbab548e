package dev.cogauth.it;

import static dev.cogauth.it.SignIns.questions;
import static dev.cogauth.it.SignIns.signedInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.PoolFile;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code cogauth signin} (a process) against pools served in this JVM whose triggers are Node.js
 * handler files run by the pool's node worker: the seed's passwordless Define from
 * config-samples, a two-question flow, and a Create that throws.
 */
class LocalPoolNodeTriggersIT {

    /** The lines are logged before the pool answers; the wait is only for the log reader, generous for a loaded machine. */
    private static final Duration LOG_WAIT = Duration.ofSeconds(30);

    private static InProcessPool passwordless;
    private static InProcessPool twoQuestions;

    @BeforeAll
    static void startPools() throws Exception {
        RequiredTool.require("node", "the local pool's Node.js triggers");
        passwordless = InProcessPool.start(PoolFile.load(ItResources.path("passwordless-pool.json")), Clock.systemUTC());
        twoQuestions = InProcessPool.start(PoolFile.load(ItResources.path("two-questions-pool.json")), Clock.systemUTC());
    }

    @AfterAll
    static void stopPools() {
        if (passwordless != null) {
            passwordless.close();
        }
        if (twoQuestions != null) {
            twoQuestions.close();
        }
    }

    private static String[] signin(InProcessPool pool, String... more) {
        List<String> args = new ArrayList<>(List.of("signin", "--pool-id", pool.definition().poolId(),
                "--client-id", pool.definition().clients().get(0).clientId(),
                "--endpoint-url", pool.endpoint().toString(), "--auth-flow", "CUSTOM_WITH_SRP"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Nested
    class ThePasswordlessDefineFromConfigSamples {

        /** The seed's case: custom-with-SRP starts, Define skips the password, only the answer is piped. */
        @Test
        void signsInWithOnlyTheAnswerPiped() {
            Cogauth.Result run = Cogauth.run().answers("xyzzy").exec(signin(passwordless, "-u", "nina"));

            signedInAs(run, "nina");
            assertEquals(List.of("[round 1] What is the magic word?"), questions(run), run::describe);
        }

        @Test
        void aWrongAnswerFailsTheSignIn() {
            Cogauth.Result run = Cogauth.run().answers("plugh").exec(signin(passwordless, "-u", "nina"));

            run.assertExit(3);
            run.check(run.errorLines().size() == 2 && run.errorLines().get(0).contains("NotAuthorizedException"),
                    "one line naming NotAuthorizedException");
            run.check(run.errorLines().get(1).startsWith("cogauth: hint: refused after 1 answer: "),
                    "and the hint that the Define trigger ended it");
        }

        @Test
        void theDefineSawTheSrpStart() {
            int mark = passwordless.log().mark();
            Cogauth.run().answers("xyzzy").exec(signin(passwordless, "-u", "nina")).assertExit(0);

            passwordless.log().await(Pattern.compile("^InitiateAuth CUSTOM_AUTH client itpasswordlessclient user nina$"),
                    mark, LOG_WAIT);
            passwordless.log().await(Pattern.compile("Define \\(\\d+ ms\\) → CUSTOM_CHALLENGE"), mark, LOG_WAIT);
        }
    }

    @Nested
    class TwoQuestions {

        @Test
        void aWrongAnswerFirstThenBothRightSignsIn() {
            Cogauth.Result run = Cogauth.run().answers("Mira-Passw0rd!", "London", " Paris ", "BLUE")
                    .exec(signin(twoQuestions, "-u", "mira"));

            signedInAs(run, "mira");
            assertEquals(List.of("Password:", "[round 1] What is the capital of France?",
                    "[round 2] What is the capital of France?", "[round 3] What colour is a clear sky?"), questions(run),
                    run::describe);
            run.check(run.stderrLines().contains("  step: 1 of 2") && run.stderrLines().contains("  step: 2 of 2"),
                    "the other public parameters are shown with each question");
        }

        @Test
        void threeWrongAnswersFail() {
            Cogauth.Result run = Cogauth.run().answers("Mira-Passw0rd!", "Paris", "green", "red", "grey")
                    .exec(signin(twoQuestions, "-u", "mira"));

            run.assertExit(3);
            assertEquals(5, questions(run).size(), run::describe);
            assertEquals(List.of("cogauth: sign-in refused: Incorrect username or password. (NotAuthorizedException)",
                    "cogauth: hint: refused after 4 answers: the pool's Define Auth Challenge trigger ended the sign-in"
                            + " (Cognito words every such end as a wrong password)"), run.errorLines(), run::describe);
        }
    }

    /** Cognito's answer when a trigger throws: UserLambdaValidationException with the trigger's message. */
    @Test
    void aTriggerThatThrowsIsNamedInOneLine() {
        int mark = twoQuestions.log().mark();
        Cogauth.Result run = Cogauth.run().answers("Crash-Passw0rd!", "never asked")
                .exec(signin(twoQuestions, "-u", "crash"));

        run.assertExit(3);
        run.check(run.errorLines().size() == 1, "one 'cogauth:' line");
        String line = run.errorLines().get(0);
        run.check(line.contains("UserLambdaValidationException") && line.contains("Create refuses user crash"),
                "the line names the error type and the trigger's message");
        run.check(!run.hasStackTrace(), "no stack trace");
        String logged = twoQuestions.log().await(Pattern.compile("Create refuses user crash"), mark, LOG_WAIT)
                .group();
        assertTrue(logged.contains("Create refuses user crash"), logged);
    }

    /** A trigger author's --debug: the pool's error as it answered it, not 60 lines of the SDK's stack. */
    @Test
    void withDebugATriggerErrorIsThePoolsErrorNotAStackTrace() {
        Cogauth.Result run = Cogauth.run().answers("Crash-Passw0rd!", "never asked")
                .exec(signin(twoQuestions, "-u", "crash", "--debug"));

        run.assertExit(3);
        run.check(run.stderrLines().stream().anyMatch(line -> line.startsWith(
                "debug: the pool answered HTTP 400 UserLambdaValidationException: ")
                && line.contains("Create refuses user crash")), "the pool's error: type and message");
        run.check(!run.hasStackTrace(), "not a bug: no stack trace");
        run.check(!run.stderr().contains("Crash-Passw0rd!"), "no password");
    }
}
