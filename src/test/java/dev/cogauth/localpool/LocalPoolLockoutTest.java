package dev.cogauth.localpool;

import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.engine.PoolLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.PoolClient.Reply;
import dev.cogauth.srp.SrpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Cognito's lockout after wrong passwords on every way the pool takes a password: 5 wrong ones,
 * then "Password attempts exceeded" even for the right one until the lockout (1 s, doubling)
 * ends. The pool's clock is moved, never slept on.
 */
class LocalPoolLockoutTest {
    private static final String EXCEEDED = "Password attempts exceeded";

    private final SettableClock clock = SettableClock.stopped();

    private LocalPool.Running serve(PoolDefinition definition) throws Exception {
        return LocalPool.builder().definition(definition).log(PoolLog.silent()).clock(clock).build().start(0);
    }

    /** Five wrong passwords, then the right one refused; a second later it works, and the count starts over. */
    private void locksOutAfterFiveWrongPasswords(Function<String, Reply> signIn) {
        for (int i = 0; i < 5; i++) {
            Reply wrong = signIn.apply("Wrong-Passw0rd!").expectError("NotAuthorizedException");
            assertEquals("Incorrect username or password.", wrong.body().path("message").asText());
        }
        Reply locked = signIn.apply(TestPools.PASSWORD).expectError("NotAuthorizedException");
        assertEquals(EXCEEDED, locked.body().path("message").asText());
        clock.advance(Duration.ofMillis(999));
        signIn.apply(TestPools.PASSWORD).expectError("NotAuthorizedException");
        clock.advance(Duration.ofMillis(1));
        assertTrue(signIn.apply(TestPools.PASSWORD).signedIn(), "the right password once the second is over");
        signIn.apply("Wrong-Passw0rd!").expectError("NotAuthorizedException");
        assertTrue(signIn.apply(TestPools.PASSWORD).signedIn(), "a fresh count after a sign-in");
    }

    @Test
    void userPasswordAuth() throws Exception {
        try (LocalPool.Running pool = serve(TestPools.standard())) {
            PoolClient client = new PoolClient(pool, clock);
            locksOutAfterFiveWrongPasswords(password -> client.initiate(TestPools.PASSWORD_ONLY, "USER_PASSWORD_AUTH",
                    Map.of("USERNAME", TestPools.ALICE, "PASSWORD", password)));
        }
    }

    @Test
    void srpPasswordVerifier() throws Exception {
        try (LocalPool.Running pool = serve(TestPools.standard())) {
            PoolClient client = new PoolClient(pool, clock);
            locksOutAfterFiveWrongPasswords(password -> {
                SrpClient srp = PoolClient.srp();
                Reply challenge = client.initiate(TestPools.PUBLIC, "USER_SRP_AUTH",
                        Map.of("USERNAME", TestPools.ALICE, "SRP_A", srp.publicKeyHex())).expectOk();
                return client.respond(TestPools.PUBLIC, "PASSWORD_VERIFIER", challenge.session(),
                        client.passwordClaim(srp, challenge, password));
            });
        }
    }

    @Test
    void userAuthPassword() throws Exception {
        PoolDefinition demo = DemoPool.definition();
        PoolDefinition withAlice = new PoolDefinition(demo.poolId(), demo.region(), demo.mfa(), demo.clients(),
                TestPools.standard().users(), demo.triggers(), demo.deviceTracking(), demo.signInPolicy(),
                demo.managedLogin());
        try (LocalPool.Running pool = serve(withAlice)) {
            PoolClient client = new PoolClient(pool, clock);
            locksOutAfterFiveWrongPasswords(password -> client.initiate(DemoPool.CLIENT_ID, "USER_AUTH",
                    Map.of("USERNAME", TestPools.ALICE, "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", password)));
        }
    }

    @Test
    void theManagedLoginForm() throws Exception {
        PoolDefinition definition = PoolFile.load(Path.of("src/test/resources/it/managed-login-pool.json"));
        try (LocalPool.Running pool = serve(definition)) {
            LoginBrowser browser = new LoginBrowser(pool);
            String login = LoginBrowser.login(browser.get(browser.authorize("browserapp", LoginBrowser.CALLBACK, "s"))
                    .body());
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> wrong = browser.post("/login", Map.of("login", login, "username", "bella",
                        "password", "wrong"), Map.of());
                assertTrue(wrong.body().contains("Incorrect username or password."), wrong.body());
            }
            Map<String, String> right = Map.of("login", login, "username", "bella", "password", "Bella-Passw0rd!");
            HttpResponse<String> locked = browser.post("/login", right, Map.of());
            assertEquals(200, locked.statusCode());
            assertTrue(locked.body().contains(EXCEEDED), locked.body());
            clock.advance(Duration.ofSeconds(1));
            HttpResponse<String> signedIn = browser.post("/login", right, Map.of());
            assertEquals(302, signedIn.statusCode(), signedIn.body());
            assertTrue(LoginBrowser.query(signedIn).containsKey("code"));
        }
    }
}
