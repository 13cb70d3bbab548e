package dev.cogauth.localpool;

import static dev.cogauth.localpool.TestPools.ALICE;
import static dev.cogauth.localpool.TestPools.PASSWORD;
import static dev.cogauth.localpool.TestPools.PUBLIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogauth.localpool.PoolClient.Reply;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.PoolDefinition.SignInPolicy;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.UserDefinition.MfaSettings;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.localpool.definition.UserDefinition;
import dev.cogauth.localpool.engine.Outbox;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.srp.SecretHash;
import dev.cogauth.srp.SrpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Choice-based sign-in (USER_AUTH) over raw HTTP, each first factor, the selection and the outbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalPoolUserAuthTest {

    /** Signs in with a code only: email, phone and a passkey, no password. */
    private static final String PAT = "pat";
    private static final String PAT_EMAIL = "pat@example.com";
    private static final String PAT_PHONE = "+15550109876";
    private static final String PASSKEY = "AQIDBAUGBwgJCgsMDQ4PEA";
    /** A password and TOTP MFA. */
    private static final String MFA_USER = "mia";
    private static final String TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    /** An email marked unverified, so no email code. */
    private static final String UNVERIFIED = "uma";

    private final SettableClock clock = SettableClock.stopped();
    private Path outbox;
    private LocalPool.Running pool;
    private PoolClient client;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        outbox = dir.resolve("outbox");
        UserDefinition pat = new UserDefinition(PAT, null, UserStatus.CONFIRMED, MfaSettings.NONE,
                Map.of("email", PAT_EMAIL, "phone_number", PAT_PHONE), List.of(PASSKEY));
        UserDefinition mia = new UserDefinition(MFA_USER, PASSWORD, UserStatus.CONFIRMED,
                new MfaSettings(false, false, TOTP_SECRET, null), Map.of("email", "mia@example.com"));
        UserDefinition uma = new UserDefinition(UNVERIFIED, PASSWORD, UserStatus.CONFIRMED, MfaSettings.NONE,
                Map.of("email", "uma@example.com", "email_verified", "false"));
        PoolDefinition definition = TestPools.withUsers(MfaMode.OPTIONAL, DemoPool.definition().triggers(), pat, mia, uma)
                .withSignInPolicy(new SignInPolicy(List.of("PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN")));
        pool = LocalPool.builder().definition(definition)
                .log(PoolLog.silent()).clock(clock).outbox(Outbox.in(outbox)).build().start(0);
        client = new PoolClient(pool, clock);
    }

    @AfterAll
    void stop() {
        pool.close();
    }

    private Reply userAuth(String username, Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(extra);
        parameters.put("USERNAME", username);
        return client.initiate(PUBLIC, "USER_AUTH", parameters);
    }

    /** Starts without a preference and selects {@code factor} (which must need nothing more). */
    private Reply selected(String username, String factor) {
        Reply select = userAuth(username, Map.of()).expectOk();
        assertEquals("SELECT_CHALLENGE", select.challenge());
        return client.respond(PUBLIC, "SELECT_CHALLENGE", select.session(),
                Map.of("USERNAME", username, "ANSWER", factor)).expectOk();
    }

    private static List<String> available(Reply reply) {
        List<String> names = new ArrayList<>();
        reply.body().path("AvailableChallenges").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** The newest message in the outbox. */
    private JsonNode lastMessage() throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            Path newest = files.filter(f -> f.toString().endsWith(".json")).sorted().reduce((a, b) -> b).orElseThrow();
            return PoolClient.JSON.readTree(newest.toFile());
        }
    }

    private String lastCode() throws IOException {
        return lastMessage().path("code").asText();
    }

    @Nested
    class TheOffer {
        @Test
        void withoutAPreferenceTheUserSelectsAmongWhatThePolicyAllowsAndTheyCanDo() {
            Reply select = userAuth(PAT, Map.of()).expectOk();
            assertEquals("SELECT_CHALLENGE", select.challenge());
            assertEquals(List.of("EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"), available(select), "no password, so no password factors");
            assertTrue(select.session() != null && !select.session().isEmpty());
            assertEquals(List.of("PASSWORD", "PASSWORD_SRP", "EMAIL_OTP"), available(userAuth(ALICE, Map.of())),
                    "a password is both PASSWORD and PASSWORD_SRP; no phone, no passkey");
            assertEquals(List.of("PASSWORD", "PASSWORD_SRP"), available(userAuth(UNVERIFIED, Map.of())),
                    "an unverified email gets no code");
        }

        @Test
        void theOfferFollowsThePolicysOrderAndOnlyItsFactors() throws IOException {
            PoolDefinition definition = TestPools.standard()
                    .withSignInPolicy(new SignInPolicy(List.of("EMAIL_OTP", "PASSWORD")));
            try (LocalPool.Running other = LocalPool.builder().definition(definition)
                    .log(PoolLog.silent()).clock(clock).build().start(0)) {
                Reply select = new PoolClient(other, clock).initiate(PUBLIC, "USER_AUTH", Map.of("USERNAME", ALICE));
                assertEquals(List.of("EMAIL_OTP", "PASSWORD", "PASSWORD_SRP"), available(select));
            }
        }

        @Test
        void aClientWithoutAllowUserAuthIsRefused() {
            Reply refused = client.initiate(TestPools.PASSWORD_ONLY, "USER_AUTH", Map.of("USERNAME", ALICE))
                    .expectError("InvalidParameterException");
            assertEquals("USER_AUTH flow not enabled for this client", refused.message());
        }

        @Test
        void aPreferenceTheUserCannotDoFallsBackToTheSelection() {
            Reply select = userAuth(ALICE, Map.of("PREFERRED_CHALLENGE", "SMS_OTP")).expectOk();
            assertEquals("SELECT_CHALLENGE", select.challenge());
        }

        @Test
        void anUnknownPreferenceIsAnInvalidParameter() {
            userAuth(ALICE, Map.of("PREFERRED_CHALLENGE", "MAGIC_LINK")).expectError("InvalidParameterException");
        }

        @Test
        void aSelectionOfSomethingNotOfferedIsRefused() {
            Reply select = userAuth(PAT, Map.of()).expectOk();
            client.respond(PUBLIC, "SELECT_CHALLENGE", select.session(), Map.of("USERNAME", PAT, "ANSWER", "PASSWORD",
                    "PASSWORD", "guess")).expectError("InvalidParameterException");
        }

        @Test
        void aSecretClientNeedsTheSecretHashOnEveryCall() throws IOException {
            String hash = SecretHash.compute(TestPools.SECRET, PAT, TestPools.SECRET_CLIENT);
            client.initiate(TestPools.SECRET_CLIENT, "USER_AUTH", Map.of("USERNAME", PAT))
                    .expectError("NotAuthorizedException");
            Reply select = client.initiate(TestPools.SECRET_CLIENT, "USER_AUTH", Map.of("USERNAME", PAT,
                    "SECRET_HASH", hash)).expectOk();
            Reply email = client.respond(TestPools.SECRET_CLIENT, "SELECT_CHALLENGE", select.session(),
                    Map.of("USERNAME", PAT, "ANSWER", "EMAIL_OTP", "SECRET_HASH", hash)).expectOk();
            assertTrue(client.respond(TestPools.SECRET_CLIENT, "EMAIL_OTP", email.session(),
                    Map.of("USERNAME", PAT, "EMAIL_OTP_CODE", lastCode(), "SECRET_HASH", hash)).signedIn());
        }
    }

    @Nested
    class EmailAndSmsCodes {
        @Test
        void anEmailCodeChosenFromTheSelectionSignsIn() throws IOException {
            Reply email = selected(PAT, "EMAIL_OTP");
            assertEquals("EMAIL_OTP", email.challenge());
            assertEquals("EMAIL", email.parameter("CODE_DELIVERY_DELIVERY_MEDIUM"));
            assertEquals("p***@e***", email.parameter("CODE_DELIVERY_DESTINATION"));
            JsonNode message = lastMessage();
            assertEquals("EMAIL", message.path("medium").asText());
            assertEquals(PAT_EMAIL, message.path("destination").asText());
            assertEquals(PAT, message.path("username").asText());
            assertTrue(message.path("code").asText().matches("\\d{8}"), message::toString);
            assertFalse(message.path("time").asText().isEmpty());
            Reply done = client.respond(PUBLIC, "EMAIL_OTP", email.session(),
                    Map.of("USERNAME", PAT, "EMAIL_OTP_CODE", message.path("code").asText())).expectOk();
            assertTrue(done.signedIn(), done.body().toString());
            assertEquals(PAT, PoolClient.claims(done.token("IdToken")).get("cognito:username"));
        }

        @Test
        void aPreferredSmsCodeIsSentAtOnceAndAnEmailAliasSignsIn() throws IOException {
            Reply sms = userAuth(PAT_EMAIL, Map.of("PREFERRED_CHALLENGE", "SMS_OTP")).expectOk();
            assertEquals("SMS_OTP", sms.challenge());
            assertEquals("SMS", sms.parameter("CODE_DELIVERY_DELIVERY_MEDIUM"));
            assertEquals("+*******9876", sms.parameter("CODE_DELIVERY_DESTINATION"));
            assertEquals(PAT_PHONE, lastMessage().path("destination").asText());
            assertTrue(client.respond(PUBLIC, "SMS_OTP", sms.session(),
                    Map.of("USERNAME", PAT_EMAIL, "SMS_OTP_CODE", lastCode())).signedIn());
        }

        @Test
        void aWrongCodeIsACodeMismatchAndMayBeRetypedTwiceWithTheSameSession() throws IOException {
            Reply email = userAuth(PAT, Map.of("PREFERRED_CHALLENGE", "EMAIL_OTP")).expectOk();
            String code = lastCode();
            String wrong = code.equals("00000000") ? "11111111" : "00000000";
            Reply mismatch = client.respond(PUBLIC, "EMAIL_OTP", email.session(),
                    Map.of("USERNAME", PAT, "EMAIL_OTP_CODE", wrong)).expectError("CodeMismatchException");
            assertEquals("Invalid code received for user", mismatch.message());
            client.respond(PUBLIC, "EMAIL_OTP", email.session(), Map.of("USERNAME", PAT, "EMAIL_OTP_CODE", wrong))
                    .expectError("CodeMismatchException");
            assertTrue(client.respond(PUBLIC, "EMAIL_OTP", email.session(),
                    Map.of("USERNAME", PAT, "EMAIL_OTP_CODE", code)).signedIn(), "the third try may be right");
        }

        @Test
        void theThirdWrongCodeSpendsTheSession() throws IOException {
            Reply email = userAuth(PAT, Map.of("PREFERRED_CHALLENGE", "EMAIL_OTP")).expectOk();
            String code = lastCode();
            String wrong = code.equals("00000000") ? "11111111" : "00000000";
            for (int i = 0; i < 3; i++) {
                client.respond(PUBLIC, "EMAIL_OTP", email.session(), Map.of("USERNAME", PAT, "EMAIL_OTP_CODE", wrong))
                        .expectError("CodeMismatchException");
            }
            client.respond(PUBLIC, "EMAIL_OTP", email.session(), Map.of("USERNAME", PAT, "EMAIL_OTP_CODE", code))
                    .expectError("NotAuthorizedException");
        }

        @Test
        void aCodeExpiresWithItsSession() throws IOException {
            Reply email = userAuth(PAT, Map.of("PREFERRED_CHALLENGE", "EMAIL_OTP")).expectOk();
            clock.advance(ClientDefinition.DEFAULT_SESSION_VALIDITY.plusSeconds(1));
            Reply expired = client.respond(PUBLIC, "EMAIL_OTP", email.session(),
                    Map.of("USERNAME", PAT, "EMAIL_OTP_CODE", lastCode())).expectError("NotAuthorizedException");
            assertEquals("Invalid session for the user, session is expired.", expired.message());
        }
    }

    @Nested
    class Passwords {
        @Test
        void aPreferredPasswordGoesInTheSameCall() {
            Reply done = userAuth(ALICE, Map.of("PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD)).expectOk();
            assertTrue(done.signedIn(), done.body().toString());
            userAuth(ALICE, Map.of("PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", "wrong"))
                    .expectError("NotAuthorizedException");
        }

        @Test
        void aPasswordChosenFromTheSelectionComesWithTheAnswer() {
            Reply select = userAuth(ALICE, Map.of()).expectOk();
            assertTrue(client.respond(PUBLIC, "SELECT_CHALLENGE", select.session(),
                    Map.of("USERNAME", ALICE, "ANSWER", "PASSWORD", "PASSWORD", PASSWORD)).signedIn());
        }

        @Test
        void aPreferredPasswordSrpIsFollowedByThePasswordVerifier() {
            SrpClient srp = PoolClient.srp();
            Reply verifier = userAuth(ALICE, Map.of("PREFERRED_CHALLENGE", "PASSWORD_SRP", "SRP_A", srp.publicKeyHex()))
                    .expectOk();
            assertEquals("PASSWORD_VERIFIER", verifier.challenge());
            assertTrue(client.respond(PUBLIC, "PASSWORD_VERIFIER", verifier.session(),
                    client.passwordClaim(srp, verifier, PASSWORD)).signedIn());
        }

        @Test
        void passwordSrpChosenFromTheSelectionSendsSrpAWithTheAnswer() {
            SrpClient srp = PoolClient.srp();
            Reply select = userAuth(ALICE, Map.of()).expectOk();
            Reply verifier = client.respond(PUBLIC, "SELECT_CHALLENGE", select.session(),
                    Map.of("USERNAME", ALICE, "ANSWER", "PASSWORD_SRP", "SRP_A", srp.publicKeyHex())).expectOk();
            assertEquals("PASSWORD_VERIFIER", verifier.challenge());
            client.respond(PUBLIC, "PASSWORD_VERIFIER", verifier.session(), client.passwordClaim(srp, verifier, "wrong"))
                    .expectError("NotAuthorizedException");
        }

        @Test
        void aPasswordFactorIsFollowedByTheUsersMfa() {
            Reply totp = userAuth(MFA_USER, Map.of("PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD)).expectOk();
            assertEquals("SOFTWARE_TOKEN_MFA", totp.challenge());
        }

        @Test
        void anEmailCodeIsNotFollowedByMfa() throws IOException {
            Reply email = userAuth(MFA_USER, Map.of("PREFERRED_CHALLENGE", "EMAIL_OTP")).expectOk();
            assertEquals("EMAIL_OTP", email.challenge());
            assertTrue(client.respond(PUBLIC, "EMAIL_OTP", email.session(),
                    Map.of("USERNAME", MFA_USER, "EMAIL_OTP_CODE", lastCode())).signedIn());
        }
    }

    @Nested
    class Passkeys {
        @Test
        void aPasskeyIsChallengedWithCredentialRequestOptionsAndAnAssertionIsRefused() throws IOException {
            Reply webAuthn = selected(PAT, "WEB_AUTHN");
            assertEquals("WEB_AUTHN", webAuthn.challenge());
            JsonNode options = PoolClient.JSON.readTree(webAuthn.parameter("CREDENTIAL_REQUEST_OPTIONS"));
            assertTrue(options.path("challenge").asText().matches("[A-Za-z0-9_-]{22}"), options::toString);
            assertEquals("localhost", options.path("rpId").asText());
            assertEquals(PASSKEY, options.path("allowCredentials").path(0).path("id").asText());
            assertEquals("public-key", options.path("allowCredentials").path(0).path("type").asText());
            assertTrue(options.path("timeout").isInt());
            client.respond(PUBLIC, "WEB_AUTHN", webAuthn.session(), Map.of("USERNAME", PAT, "CREDENTIAL", "{}"))
                    .expectError("NotAuthorizedException");
        }
    }

    @Test
    void theDemoPoolHasAUserWhoSignsInWithAnEmailCode() throws IOException {
        try (LocalPool.Running demo = LocalPool.builder().definition(DemoPool.definition())
                .log(PoolLog.silent()).clock(clock).outbox(Outbox.in(outbox)).build()
                .start(0)) {
            PoolClient demoClient = new PoolClient(demo, clock);
            Reply select = demoClient.initiate(DemoPool.CLIENT_ID, "USER_AUTH", Map.of("USERNAME", DemoPool.CODE_USERNAME))
                    .expectOk();
            assertEquals(List.of("EMAIL_OTP"), available(select));
            Reply email = demoClient.respond(DemoPool.CLIENT_ID, "SELECT_CHALLENGE", select.session(),
                    Map.of("USERNAME", DemoPool.CODE_USERNAME, "ANSWER", "EMAIL_OTP")).expectOk();
            assertEquals(DemoPool.CODE_EMAIL, lastMessage().path("destination").asText());
            assertTrue(demoClient.respond(DemoPool.CLIENT_ID, "EMAIL_OTP", email.session(),
                    Map.of("USERNAME", DemoPool.CODE_USERNAME, "EMAIL_OTP_CODE", lastCode())).signedIn());
        }
    }
}
