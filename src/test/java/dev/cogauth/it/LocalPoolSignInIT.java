package dev.cogauth.it;

import static dev.cogauth.it.SignIns.questions;
import static dev.cogauth.it.SignIns.signedInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cogauth signin} against {@code cogauth local-pool --pool it/pool.json}, both as processes:
 * every flow and challenge the pool serves, with its built-in demo question as the custom trigger.
 * One pool for the class; each test signs in a user no other test changes.
 */
class LocalPoolSignInIT {
    /** How the line after a refusal starts when cogauth adds a hint. */
    private static final String HINT = "cogauth: hint: ";
    private static final String PUBLIC_CLIENT = "itpublicclient";
    private static final String SECRET_CLIENT = "itsecretclient";
    private static final String CLIENT_SECRET = "it-client-secret-9f2";
    private static final String ALICE_PASSWORD = "Alice-Passw0rd!";
    private static final String QUESTION = "What is 6 times 7?";

    @TempDir
    static Path dir;

    private static LocalPoolProcess pool;
    private static Path config;

    @BeforeAll
    static void startPool() throws Exception {
        config = dir.resolve("awsconfiguration.json");
        pool = LocalPoolProcess.start(ItResources.path("pool.json"), "--write-config", config.toString());
    }

    @AfterAll
    static void stopPool() throws Exception {
        if (pool != null) {
            pool.stop();
            pool.stderr().awaitEnd(Duration.ofSeconds(60));  // returns at the end; generous for a loaded machine
            String log = pool.stderr().text();
            for (String secret : List.of(ALICE_PASSWORD, "Wanda-Passw0rd!", "Bob-Temp0rary!", "Bob-Chosen-2", CLIENT_SECRET)) {
                assertFalse(log.contains(secret), () -> "the pool logged a password or secret:\n" + log);
            }
            assertTrue(log.contains("Local pool stopped."), () -> "SIGTERM stops the pool cleanly:\n" + log);
        }
    }

    /** {@code signin} against the pool with {@code flow}, as the public client. */
    private static String[] signin(String flow, String... more) {
        return signinAs(PUBLIC_CLIENT, flow, more);
    }

    private static String[] signinAs(String clientId, String flow, String... more) {
        List<String> args = new ArrayList<>(List.of("signin", "--pool-id", "us-east-1_ItPool", "--client-id", clientId,
                "--endpoint-url", pool.endpoint().toString(), "--auth-flow", flow));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /**
     * The one final line cogauth printed (a hint line may follow it); it must name {@code errorType} and there is
     * no stack trace.
     */
    private static String refusal(Cogauth.Result run, String errorType) {
        run.assertExit(3);
        List<String> lines = run.errorLines().stream().filter(line -> !line.startsWith(HINT)).toList();
        run.check(lines.size() == 1 && lines.get(0).contains(errorType), "one 'cogauth:' line naming " + errorType);
        run.check(!run.hasStackTrace(), "no stack trace");
        run.check(run.stdout().isEmpty(), "no tokens on stdout");
        return run.errorLines().get(0);
    }

    @Nested
    class CustomAuthWithSrp {

        @Test
        void aWrongAnswerThenTheRightOneSignsIn() {
            Cogauth.Result run = Cogauth.run().answers(ALICE_PASSWORD, "41", "42")
                    .exec(signin("CUSTOM_WITH_SRP", "-u", "alice"));

            signedInAs(run, "alice");
            assertEquals(List.of("Password:", "[round 1] " + QUESTION, "[round 2] " + QUESTION), questions(run), run::describe);
        }

        @Test
        void threeWrongAnswersAreRefused() {
            Cogauth.Result run = Cogauth.run().answers(ALICE_PASSWORD, "1", "2", "3")
                    .exec(signin("CUSTOM_WITH_SRP", "-u", "alice"));

            refusal(run, "NotAuthorizedException");
            assertEquals(4, questions(run).size(), () -> "password and three rounds, no fourth:\n" + run.describe());
            assertEquals(HINT + "refused after 3 answers: the pool's Define Auth Challenge trigger ended the sign-in"
                    + " (Cognito words every such end as a wrong password)", run.errorLines().get(1), run::describe);
        }

        @Test
        void aWrongPasswordIsRefusedBeforeAnyQuestion() {
            Cogauth.Result run = Cogauth.run().answers("Not-the-passw0rd", "42").exec(signin("CUSTOM_WITH_SRP", "-u", "wanda"));

            String line = refusal(run, "NotAuthorizedException");
            assertTrue(line.contains("Incorrect username or password"), line);
            assertEquals(List.of("Password:"), questions(run), run::describe);
            run.check(run.errorLines().size() == 1, "no hint about custom answers: none was given");
        }

        /** The config file {@code local-pool --write-config} wrote: pool, client, endpoint and flow. */
        @Test
        void withTheConfigFileTheLocalPoolWrote() throws Exception {
            String written = Files.readString(config);
            assertTrue(written.contains(pool.endpoint().toString()) && written.contains("CUSTOM_AUTH"), written);

            Cogauth.Result run = Cogauth.run().env("COGAUTH_PASSWORD", ALICE_PASSWORD).answers("42")
                    .exec("signin", "--config", config.toString(), "-u", "alice");

            signedInAs(run, "alice");
            assertEquals(List.of("[round 1] " + QUESTION), questions(run), run::describe);
        }
    }

    @Test
    void customAuthWithoutSrpAsksOnlyTheQuestion() {
        Cogauth.Result run = Cogauth.run().answers("42").exec(signin("CUSTOM_WITHOUT_SRP", "-u", "alice"));

        signedInAs(run, "alice");
        assertEquals(List.of("[round 1] " + QUESTION), questions(run), run::describe);
    }

    @Nested
    class PasswordFlows {

        @Test
        void userSrpAuthWithTheRightPassword() {
            Cogauth.Result run = Cogauth.run().answers(ALICE_PASSWORD).exec(signin("USER_SRP_AUTH", "-u", "alice"));

            signedInAs(run, "alice");
            assertEquals(List.of("Password:"), questions(run), run::describe);
        }

        @Test
        void userSrpAuthWithAWrongPasswordIsRefused() {
            Cogauth.Result run = Cogauth.run().answers("Wanda-Passw0rd?").exec(signin("USER_SRP_AUTH", "-u", "wanda"));

            assertTrue(refusal(run, "NotAuthorizedException").contains("Incorrect username or password"), run::describe);
        }

        @Test
        void userPasswordAuth() {
            Cogauth.Result run = Cogauth.run().env("COGAUTH_PASSWORD", ALICE_PASSWORD)
                    .exec(signin("USER_PASSWORD_AUTH", "-u", "alice"));

            signedInAs(run, "alice");
            assertEquals(List.of(), questions(run), run::describe);
        }

        /** NEW_PASSWORD_REQUIRED: the new password is set, and the next sign-in needs it. */
        @Test
        void aTemporaryPasswordIsReplaced() {
            Cogauth.Result first = Cogauth.run().answers("Bob-Temp0rary!", "Bob-Chosen-2").exec(signin("USER_SRP_AUTH", "-u", "bob"));
            signedInAs(first, "bob");
            assertEquals(List.of("Password:", "New password:"), questions(first), first::describe);

            signedInAs(Cogauth.run().answers("Bob-Chosen-2").exec(signin("USER_SRP_AUTH", "-u", "bob")), "bob");
            refusal(Cogauth.run().answers("Bob-Temp0rary!").exec(signin("USER_SRP_AUTH", "-u", "bob")), "NotAuthorizedException");
        }
    }

    @Nested
    class EmailAlias {

        /** SRP must use the internal name (USER_ID_FOR_SRP), not the typed email, or the proof fails. */
        @Test
        void signsInWithSrpUnderTheInternalName() {
            Cogauth.Result run = Cogauth.run().answers(ALICE_PASSWORD).exec(signin("USER_SRP_AUTH", "-u", "alice@example.com"));

            signedInAs(run, "alice");
        }

        @Test
        void signsInWithTheCustomFlow() {
            Cogauth.Result run = Cogauth.run().answers(ALICE_PASSWORD, "42")
                    .exec(signin("CUSTOM_WITH_SRP", "-u", "alice@example.com"));

            signedInAs(run, "alice");
        }
    }

    @Nested
    class ClientWithASecret {

        @Test
        void signsInWithTheSecretFromTheEnvironment() {
            Cogauth.Result run = Cogauth.run().env("COGAUTH_CLIENT_SECRET", CLIENT_SECRET).answers(ALICE_PASSWORD, "42")
                    .exec(signinAs(SECRET_CLIENT, "CUSTOM_WITH_SRP", "-u", "alice"));

            signedInAs(run, "alice");
            assertEquals(SECRET_CLIENT, IdToken.claims(run).path("aud").asText());
        }

        @Test
        void aWrongSecretIsRefused() {
            Cogauth.Result run = Cogauth.run().env("COGAUTH_CLIENT_SECRET", "not-" + CLIENT_SECRET).answers(ALICE_PASSWORD, "42")
                    .exec(signinAs(SECRET_CLIENT, "CUSTOM_WITH_SRP", "-u", "alice"));

            assertTrue(refusal(run, "NotAuthorizedException").contains("Unable to verify secret hash"), run::describe);
            run.check(!run.stderr().contains(CLIENT_SECRET), "the secret is not shown");
        }
    }

    @Nested
    class Mfa {
        private static final Duration WAIT = Duration.ofSeconds(30);

        /** The code the pool "sent" to {@code user} after line {@code mark} of its stderr. */
        private String codeSentTo(String user, int mark) {
            return pool.stderr().await(Pattern.compile(" for " + user + ": your verification code is (\\d{6})$"), mark, WAIT)
                    .group(1);
        }

        @Test
        void smsCodeFromThePoolsLog() throws Exception {
            int mark = pool.stderr().mark();
            try (CogauthDialog dialog = CogauthDialog.start(Cogauth.run().env("COGAUTH_PASSWORD", "Dave-Passw0rd!"),
                    signin("USER_SRP_AUTH", "-u", "dave"))) {
                dialog.awaitQuestion("SMS code");
                assertTrue(String.join("\n", dialog.stderrLines()).contains("Code sent by SMS to "), dialog.stderrLines()::toString);
                dialog.answer(codeSentTo("dave", mark));
                signedInAs(dialog.finish(), "dave");
            }
        }

        @Test
        void emailCodeFromThePoolsLog() throws Exception {
            int mark = pool.stderr().mark();
            try (CogauthDialog dialog = CogauthDialog.start(Cogauth.run().env("COGAUTH_PASSWORD", "Erin-Passw0rd!"),
                    signin("USER_PASSWORD_AUTH", "-u", "erin"))) {
                dialog.awaitQuestion("Email code");
                dialog.answer(codeSentTo("erin", mark));
                signedInAs(dialog.finish(), "erin");
            }
        }

        @Test
        void aWrongSmsCodeIsRefused() throws Exception {
            int mark = pool.stderr().mark();
            try (CogauthDialog dialog = CogauthDialog.start(Cogauth.run().env("COGAUTH_PASSWORD", "Dave-Passw0rd!"),
                    signin("USER_SRP_AUTH", "-u", "dave"))) {
                dialog.awaitQuestion("SMS code");
                String sent = codeSentTo("dave", mark);
                dialog.answer(sent.equals("000000") ? "111111" : "000000");
                refusal(dialog.finish(), "CodeMismatchException");
            }
        }

        @Test
        void authenticatorAppCode() {
            String code = Totp.ofBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP").freshCode(Duration.ofSeconds(5));
            Cogauth.Result run = Cogauth.run().answers("Carol-Passw0rd!", code).exec(signin("USER_SRP_AUTH", "-u", "carol"));

            signedInAs(run, "carol");
            assertEquals(List.of("Password:", "Authenticator app code:"), questions(run), run::describe);
        }

        /** SELECT_MFA_TYPE: the user has SMS and email and no preference; choosing email sends an email code. */
        @Test
        void aChoiceOfMethodThenItsCode() throws Exception {
            int mark = pool.stderr().mark();
            try (CogauthDialog dialog = CogauthDialog.start(Cogauth.run().env("COGAUTH_PASSWORD", "Frank-Passw0rd!"),
                    signin("USER_SRP_AUTH", "-u", "frank"))) {
                dialog.awaitQuestion("MFA method");
                List<String> shown = dialog.stderrLines();
                assertTrue(shown.contains("  1) SMS_MFA") && shown.contains("  2) EMAIL_OTP"), shown::toString);
                dialog.answer("2");
                dialog.awaitQuestion("Email code");
                dialog.answer(pool.stderr().await(Pattern.compile("^local-pool: Email to frank@example\\.com for frank: "
                        + "your verification code is (\\d{6})$"), mark, WAIT).group(1));
                signedInAs(dialog.finish(), "frank");
            }
        }
    }
}
