package dev.cogauth.it;

import static dev.cogauth.it.SignIns.signedInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.PoolFile;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MFA_SETUP: a pool with MFA required and a user without any; cogauth sets up an authenticator
 * (AssociateSoftwareToken, VerifySoftwareToken) and the next sign-in asks for its code.
 */
class LocalPoolMfaSetupIT {
    private static final Pattern SECRET = Pattern.compile("^  ([A-Z2-7]{32})$");
    private static final Pattern QR_LINE = Pattern.compile("[ \u2580\u2584\u2588]{29,}");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static InProcessPool pool;

    @BeforeAll
    static void start() throws Exception {
        pool = InProcessPool.start(PoolFile.load(ItResources.path("mfa-on-pool.json")), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
    }

    /** Each test signs in its own user: setting up an authenticator changes the user. */
    private static String[] signin(String username) {
        return new String[] {"signin", "--pool-id", "us-east-1_ItMfaOn", "--client-id", "itmfaonclient",
            "--endpoint-url", pool.endpoint().toString(), "--auth-flow", "USER_SRP_AUTH", "-u", username};
    }

    @Test
    void setsUpAnAuthenticatorThenSignsInWithIt() throws Exception {
        String secret;
        try (CogauthDialog dialog = CogauthDialog.start(Cogauth.run().env("COGAUTH_PASSWORD", "Sam-Passw0rd!"), signin("sam"))) {
            dialog.awaitQuestion("Code from the authenticator app");
            secret = dialog.awaitStderr(SECRET);
            assertTrue(dialog.stderrLines().stream().anyMatch(line -> line.contains("otpauth://totp/ItMfaOn:sam?secret=" + secret)),
                    dialog.stderrLines()::toString);
            assertTrue(dialog.stderrLines().stream().noneMatch(line -> QR_LINE.matcher(line).find()),
                    "no QR code off a terminal: " + dialog.stderrLines());
            dialog.answer(Totp.ofBase32(secret).freshCode(Duration.ofSeconds(5)));
            signedInAs(dialog.finish(), "sam");
        }

        Cogauth.Result next = Cogauth.run().env("COGAUTH_PASSWORD", "Sam-Passw0rd!")
                .answers(Totp.ofBase32(secret).freshCode(Duration.ofSeconds(5))).exec(signin("sam"));
        signedInAs(next, "sam");
        next.check(next.stderr().contains("Authenticator app code"), "the second sign-in asks the new authenticator's code");
    }

    @Test
    void aWrongFirstCodeIsRefused() throws Exception {
        try (CogauthDialog dialog = CogauthDialog.start(Cogauth.run().env("COGAUTH_PASSWORD", "Sid-Passw0rd!"), signin("sid"))) {
            dialog.awaitQuestion("Code from the authenticator app");
            String secret = dialog.awaitStderr(SECRET);
            String right = Totp.ofBase32(secret).freshCode(Duration.ofSeconds(5));
            dialog.answer(right.equals("123456") ? "654321" : "123456");
            Cogauth.Result run = dialog.finish();
            run.assertExit(3);
            run.check(run.errorLines().size() == 1 && run.errorLines().get(0).contains("Exception"), "one line naming the error");
        }
    }

    @Test
    void onATerminalTheUriIsAlsoDrawnAsAQrCode() throws Exception {
        try (Tty tty = Tty.start(Cogauth.run().env("NO_COLOR", "1").env("COGAUTH_PASSWORD", "Tia-Passw0rd!").environment(),
                Cogauth.command(signin("tia")))) {
            String screen = tty.awaitText("Code from the authenticator app", WAIT);
            List<String> qr = screen.lines().filter(line -> QR_LINE.matcher(line).matches()).toList();
            // A version 1 code is 21 modules: with the quiet zone 29 columns, 15 lines; the URI needs more.
            assertTrue(qr.size() >= 15, () -> "a QR code of half blocks:\n" + screen);
            assertTrue(qr.get(0).chars().allMatch(c -> c == '\u2588'), () -> "the quiet zone is light (blocks):\n" + screen);
            Matcher secret = Pattern.compile("(?m)^  ([A-Z2-7]{32})$").matcher(screen);
            assertTrue(secret.find(), () -> "the secret for manual entry:\n" + screen);
            tty.typeLine(Totp.ofBase32(secret.group(1)).freshCode(Duration.ofSeconds(5)));
            int exit = tty.awaitExit(WAIT);
            String after = tty.screen();
            assertEquals(0, exit, () -> "exit code; screen:\n" + after);
            assertFalse(after.contains("eyJ"), "no raw token on a terminal");
        }
    }
}
