package dev.cogauth.it;

import static dev.cogauth.it.SignIns.questions;
import static dev.cogauth.it.SignIns.signedInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Choice-based sign-in ({@code --auth-flow USER_AUTH}) of the jar against {@code cogauth local-pool
 * --pool it/userauth-pool.json --outbox DIR}, both as processes: each factor by preference, the
 * selection on piped stdin, codes read from the outbox, the answer command, passkeys refused.
 */
class UserAuthSignInIT {
    private static final String POOL_ID = "us-east-1_ItUserAuth";
    private static final String CLIENT = "ituserauthclient";
    private static final String SECRET_CLIENT = "ituserauthsecret";
    private static final String CLIENT_SECRET = "it-userauth-secret-4c1";
    private static final String UMA_PASSWORD = "Uma-Passw0rd!";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger MARKS = new AtomicInteger();

    @TempDir
    static Path dir;

    private static Path outbox;
    private static LocalPoolProcess pool;

    @BeforeAll
    static void startPool() throws Exception {
        outbox = dir.resolve("outbox");
        pool = LocalPoolProcess.start(ItResources.path("userauth-pool.json"), "--outbox", outbox.toString());
    }

    @AfterAll
    static void stopPool() throws Exception {
        if (pool != null) {
            pool.stop();
        }
    }

    private static String[] signin(String... more) {
        return signinAs(CLIENT, more);
    }

    private static String[] signinAs(String clientId, String... more) {
        List<String> args = new ArrayList<>(List.of("signin", "--pool-id", POOL_ID, "--client-id", clientId,
                "--endpoint-url", pool.endpoint().toString(), "--auth-flow", "USER_AUTH", "--no-store"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The newest message in the outbox to {@code destination}, as the pool wrote it. */
    private static JsonNode lastMessageTo(String destination) throws Exception {
        JsonNode last = null;
        try (var files = Files.list(outbox)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode message = JSON.readTree(file.toFile());
                if (message.path("destination").asText().equals(destination)) {
                    last = message;
                }
            }
        }
        assertTrue(last != null, "no message to " + destination + " in the outbox");
        return last;
    }

    /**
     * A mark in the pool's log that no earlier call's steps can pass: the log comes through a pipe and a reader thread,
     * so a previous test's lines may still arrive after {@link Lines#mark()}. This makes a call the pool refuses with a
     * made-up client id, which it logs before answering, as it logs every step before answering: once its line is
     * here, every step of the calls made before it is too (only their "←" timing lines, logged after answering, may
     * come later, and {@link #poolStepsSince} leaves those out).
     */
    private static int settledMark() throws Exception {
        String client = "mark" + MARKS.incrementAndGet();
        HttpRequest call = HttpRequest.newBuilder(pool.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                .POST(HttpRequest.BodyPublishers.ofString("{\"AuthFlow\":\"USER_AUTH\",\"ClientId\":\"" + client
                        + "\",\"AuthParameters\":{\"USERNAME\":\"uma\"}}"))
                .build();
        assertEquals(400, HTTP.send(call, HttpResponse.BodyHandlers.discarding()).statusCode());
        Pattern line = Pattern.compile("User pool client " + client + " does not exist");
        pool.stderr().await(line, 0, WAIT);
        List<String> all = pool.stderr().all();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (line.matcher(all.get(i)).find()) {
                return i + 1;
            }
        }
        throw new AssertionError("the mark's line went missing");
    }

    /**
     * What the pool logged (its --log) for uma's sign-in from {@code mark} on, up to the tokens it issued, without the
     * "local-pool:" prefix and the calls' "←" timing lines: which factor the client chose and which proof it sent, as
     * only the pool can tell.
     */
    private static List<String> poolStepsSince(int mark) {
        pool.stderr().await(Pattern.compile("→ tokens issued for uma "), mark, WAIT);
        List<String> all = pool.stderr().all();
        return all.subList(mark, all.size()).stream().map(line -> line.replaceFirst("^local-pool:", "").strip())
                .filter(line -> !line.contains(" ← ")).toList();
    }

    /** Exit 3 with exactly one "cogauth:" line, which contains {@code text}; no stack trace, no tokens. */
    private static String refusal(Cogauth.Result run, String text) {
        run.assertExit(3);
        run.check(run.errorLines().size() == 1 && run.errorLines().get(0).contains(text), "one 'cogauth:' line with " + text);
        run.check(!run.hasStackTrace(), "no stack trace");
        run.check(run.stdout().isEmpty(), "no tokens on stdout");
        return run.errorLines().get(0);
    }

    @Nested
    class ByPreference {

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource({
            "EMAIL_OTP, Email code, uma@example.com, Code sent by email to u***@e***",
            "sms_otp,   SMS code,   +15550107777,    Code sent by SMS to +*******7777",
        })
        void aCodeFactorSaysWhereTheCodeWentAndTakesIt(String factor, String question, String destination,
                                                      String where) throws Exception {
            try (CogauthDialog dialog = CogauthDialog.start(Cogauth.run(),
                    signin("-u", "uma", "--preferred-challenge", factor))) {
                dialog.awaitQuestion(question);
                assertTrue(dialog.stderrLines().stream().anyMatch(line -> line.strip().startsWith(where)),
                        dialog.stderrLines()::toString);
                dialog.answer(lastMessageTo(destination).path("code").asText());
                signedInAs(dialog.finish(), "uma");
            }
        }

        /**
         * PASSWORD sends the password with InitiateAuth, so the pool issues tokens at once; PASSWORD_SRP sends SRP_A, so
         * the pool answers with PASSWORD_VERIFIER first: the pool's log tells which factor was sent.
         */
        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource({
            "PASSWORD,     → tokens issued for uma",
            "password_srp, → challenge PASSWORD_VERIFIER for uma",
        })
        void aPasswordFactorAsksOnlyThePassword(String factor, String poolAnswer) throws Exception {
            int mark = settledMark();
            Cogauth.Result run = Cogauth.run().answers(UMA_PASSWORD)
                    .exec(signin("-u", "uma", "--preferred-challenge", factor));

            signedInAs(run, "uma");
            assertEquals(List.of("Password:"), questions(run), run::describe);
            List<String> steps = poolStepsSince(mark);
            int initiate = steps.indexOf("InitiateAuth USER_AUTH client " + CLIENT + " user uma");
            assertTrue(initiate >= 0 && steps.get(initiate + 1).startsWith(poolAnswer), () -> "the pool's log: " + steps);
        }

        @Test
        void aWrongCodeIsThePoolsRefusal() {
            Cogauth.Result run = Cogauth.run().answers("00000000")
                    .exec(signin("-u", "uma", "--preferred-challenge", "EMAIL_OTP"));

            refusal(run, "CodeMismatchException");
        }

        @Test
        void aPasskeyIsRefusedInOneLineNamingTheOtherFactors() {
            Cogauth.Result run = Cogauth.run().exec(signin("-u", "uma", "--preferred-challenge", "WEB_AUTHN"));

            String line = refusal(run, "passkeys (WEB_AUTHN) need a browser");
            assertTrue(line.contains("PASSWORD, PASSWORD_SRP, EMAIL_OTP, SMS_OTP"), line);
        }

        @Test
        void anUnknownFactorIsAUsageError() {
            Cogauth.Result run = Cogauth.run().exec(signin("-u", "uma", "--preferred-challenge", "MAGIC_LINK"));

            run.assertExit(2);
            run.check(run.errorLines().size() == 1 && run.errorLines().get(0).contains("EMAIL_OTP, SMS_OTP, PASSWORD"),
                    "one line listing the factors");
        }
    }

    @Nested
    class SelectionOnPipedStdin {

        @Test
        void theOfferIsListedInThePoolsOrderAndChosenByName() {
            Cogauth.Result run = Cogauth.run().answers("Password", UMA_PASSWORD).exec(signin("-u", "uma"));

            signedInAs(run, "uma");
            assertEquals(List.of("Sign in with:", "Password:"), questions(run), run::describe);
            String shown = run.stderr();
            assertTrue(shown.contains("  1) password\n  2) password (SRP, never sent)\n  3) a code by email\n"
                    + "  4) a code by SMS\n  5) passkey (not usable here)\n"), shown);
        }

        /** 2 is the second factor shown, in the order the pool offered them: PASSWORD_SRP, proved by SRP. */
        @Test
        void chosenByNumber() throws Exception {
            int mark = settledMark();
            Cogauth.Result run = Cogauth.run().answers("2", UMA_PASSWORD).exec(signin("-u", "uma"));

            signedInAs(run, "uma");
            List<String> steps = poolStepsSince(mark);
            assertTrue(steps.contains("offered [PASSWORD, PASSWORD_SRP, EMAIL_OTP, SMS_OTP, WEB_AUTHN]"), steps::toString);
            assertTrue(steps.contains("selected PASSWORD_SRP"), () -> "the pool's log: " + steps);
            assertTrue(steps.contains("password verifier: correct"), () -> "the pool's log: " + steps);
        }

        @Test
        void oneUsableFactorBesideAPasskeyIsTakenWithoutAMenu() throws Exception {
            try (CogauthDialog dialog = CogauthDialog.start(Cogauth.run(), signin("-u", "ed"))) {
                dialog.awaitQuestion("Email code");
                dialog.answer(lastMessageTo("ed@example.com").path("code").asText());
                Cogauth.Result run = dialog.finish();
                signedInAs(run, "ed");
                assertEquals(List.of("Email code:"), questions(run), run::describe);
            }
        }

        @Test
        void thePasskeyChosenIsRefused() {
            Cogauth.Result run = Cogauth.run().answers("5").exec(signin("-u", "uma"));

            refusal(run, "the pool also offered PASSWORD, PASSWORD_SRP, EMAIL_OTP, SMS_OTP");
        }
    }

    @Nested
    class AnswerCommand {

        @Test
        void aScriptReadsTheEmailCodeFromTheOutboxAndNothingOfItShowsInDebug() {
            String script = ItResources.path("answer-from-outbox.sh").toString();
            Cogauth.Result run = Cogauth.run().env("OUTBOX", outbox.toString())
                    .exec(signin("-u", "uma", "--debug", "--answer-command", "sh '" + script + "'"));

            signedInAs(run, "uma");
            assertEquals(List.of(), questions(run), "nothing asked on stdin:\n" + run.describe());
            String code;
            try {
                code = lastMessageTo("uma@example.com").path("code").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertTrue(run.stderr().contains("running the answer command for SELECT_CHALLENGE"), run::describe);
            assertFalse(run.stderr().contains(code), () -> "the code shows on stderr:\n" + run.describe());
        }

        @Test
        void aCustomChallengeGetsTheQuestionAsJson() throws Exception {
            Path question = dir.resolve("question.json");
            Cogauth.Result run = Cogauth.run().env("COGAUTH_ANSWER_COMMAND", "cat > '" + question + "'; echo 42")
                    .exec("signin", "--pool-id", POOL_ID, "--client-id", CLIENT, "--endpoint-url",
                            pool.endpoint().toString(), "--auth-flow", "CUSTOM_WITHOUT_SRP", "--no-store", "-u", "uma");

            signedInAs(run, "uma");
            JsonNode asked = JSON.readTree(question.toFile());
            assertEquals("CUSTOM_CHALLENGE", asked.path("challenge").asText());
            assertEquals("uma", asked.path("username").asText());
            assertEquals(1, asked.path("round").asInt());
            assertEquals("What is 6 times 7?", asked.path("parameters").path("question").asText(), asked::toString);
        }

        @Test
        void itsEnvironmentHasNoneOfTheSecretsCogauthReads() throws Exception {
            Path seen = dir.resolve("environment.txt");
            Cogauth.Result run = Cogauth.run().env("COGAUTH_CLIENT_SECRET", CLIENT_SECRET)
                    .env("COGAUTH_PASSWORD", UMA_PASSWORD).env("COGAUTH_TOTP_SECRET", "JBSWY3DPEHPK3PXP")
                    .exec(signinAs(SECRET_CLIENT, "-u", "uma", "--answer-command",
                            "env > '" + seen + "'; echo PASSWORD"));

            signedInAs(run, "uma");
            String environment = Files.readString(seen);
            assertTrue(environment.contains("COGAUTH_CHALLENGE=SELECT_CHALLENGE"), environment);
            for (String secret : List.of("COGAUTH_CLIENT_SECRET", "COGAUTH_PASSWORD", "COGAUTH_TOTP_SECRET",
                    CLIENT_SECRET, UMA_PASSWORD, "JBSWY3DPEHPK3PXP")) {
                assertFalse(environment.contains(secret), secret + " in the answer command's environment");
            }
        }

        @Test
        void aFailingCommandIsExit4WithItsStatusAndLastStderrLine() {
            Cogauth.Result run = Cogauth.run()
                    .exec(signin("-u", "uma", "--answer-command", "echo 'no mail for uma yet' >&2; exit 5"));

            run.assertExit(4);
            run.check(run.errorLines().size() == 1 && run.errorLines().get(0).contains("exit status 5")
                    && run.errorLines().get(0).contains("no mail for uma yet"), "one line with the status and stderr");
            run.check(run.stderrLines().contains("no mail for uma yet"), "its stderr passes through");
            run.check(!run.hasStackTrace(), "no stack trace");
        }

        @Test
        void aCommandThatTakesTooLongIsExit4() {
            Cogauth.Result run = Cogauth.run()
                    .exec(signin("-u", "uma", "--answer-timeout", "1s", "--answer-command", "sleep 20; echo 1"));

            run.assertExit(4);
            run.check(run.errorLines().size() == 1 && run.errorLines().get(0).contains("within 1 s"), "one timeout line");
        }
    }

    @Test
    void aClientWithASecretSignsEveryCall() throws Exception {
        try (CogauthDialog dialog = CogauthDialog.start(Cogauth.run().env("COGAUTH_CLIENT_SECRET", CLIENT_SECRET),
                signinAs(SECRET_CLIENT, "-u", "uma"))) {
            dialog.awaitQuestion("Sign in with");
            dialog.answer("SMS_OTP");
            dialog.awaitQuestion("SMS code");
            dialog.answer(lastMessageTo("+15550107777").path("code").asText());
            signedInAs(dialog.finish(), "uma");
        }
    }

    @Test
    void theTotpSecretAnswersTheLocalPoolsAuthenticatorChallenge() {
        Cogauth.Result run = Cogauth.run().env("COGAUTH_TOTP_SECRET", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
                .answers("Carol-Passw0rd!").exec(signin("-u", "carol", "--preferred-challenge", "PASSWORD_SRP"));

        signedInAs(run, "carol");
        assertEquals(List.of("Password:"), questions(run), () -> "no code asked:\n" + run.describe());
    }

    @Test
    void aMalformedTotpSecretIsAUsageErrorThatDoesNotEchoIt() {
        Cogauth.Result run = Cogauth.run().env("COGAUTH_TOTP_SECRET", "not-base32!").answers("Carol-Passw0rd!")
                .exec(signin("-u", "carol"));

        run.assertExit(2);
        run.check(run.errorLines().size() == 1 && run.errorLines().get(0).contains("COGAUTH_TOTP_SECRET")
                && !run.stderr().contains("not-base32!"), "one line that does not echo the secret");
    }

    @Test
    void aTotpSecretTooShortToHoldAKeyIsAUsageErrorBeforeAnyCall() {
        Cogauth.Result run = Cogauth.run().env("COGAUTH_TOTP_SECRET", "A").answers("Carol-Passw0rd!")
                .exec(signin("-u", "carol", "--preferred-challenge", "PASSWORD_SRP"));

        run.assertExit(2);
        run.check(run.errorLines().size() == 1 && run.errorLines().get(0).contains("COGAUTH_TOTP_SECRET: too short"),
                "one usage line naming the variable");
        run.check(questions(run).isEmpty(), "no password asked: nothing was sent");
    }

    /** The selection as a person sees it: a menu in a real pseudo-terminal (tmux), moved with the arrow keys. */
    @Test
    void theTerminalMenuIsMovedWithArrowKeysAndChosenWithEnter() throws Exception {
        try (Tty tty = Tty.start(Cogauth.run().env("NO_COLOR", "1").environment(),
                Cogauth.command(signin("-u", "uma")))) {
            String menu = tty.awaitText("5) passkey (not usable here)", WAIT);
            assertTrue(menu.contains("> 1) password"), () -> "the first entry is highlighted:\n" + menu);
            tty.keys("Down", "Down");
            String moved = tty.awaitText("> 3) a code by email", WAIT);
            assertFalse(moved.contains("> 1) password"), () -> "one highlight:\n" + moved);
            tty.keys("Enter");
            tty.awaitText("Email code", WAIT);
            tty.typeLine(lastMessageTo("uma@example.com").path("code").asText());

            int exit = tty.awaitExit(WAIT);
            String screen = tty.screen();
            assertEquals(0, exit, () -> "exit code; screen:\n" + screen);
            assertTrue(screen.contains("Signed in as uma"), () -> "the summary:\n" + screen);
        }
    }
}
