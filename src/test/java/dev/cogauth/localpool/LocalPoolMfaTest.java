package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.PoolClient.Reply;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.UserDefinition.MfaSettings;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.localpool.definition.UserDefinition;
import dev.cogauth.localpool.engine.PoolLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LocalPoolMfaTest {

    private static final String CLIENT = TestPools.PUBLIC;
    /** RFC 6238's SHA-1 test key "12345678901234567890" in base32. */
    private static final String TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private final SettableClock clock = SettableClock.stopped();
    private final List<String> console = new CopyOnWriteArrayList<>();

    private LocalPool.Running serve(MfaMode mode, UserDefinition... users) throws IOException {
        return LocalPool.builder().definition(TestPools.withUsers(mode, DemoPool.definition().triggers(), users))
                .log(PoolLog.to(console::add, false)).clock(clock).build().start(0);
    }

    private static UserDefinition user(String name, UserStatus status, MfaSettings mfa) {
        return new UserDefinition(name, "Start-Passw0rd!", status, mfa,
                Map.of("email", name + "@example.org", "phone_number", "+15550001234"));
    }

    /** An independent RFC 6238 implementation, so the pool's own is not checked against itself. */
    private static String totp(String base32, Instant at) throws Exception {
        byte[] key = base32.equals(TOTP_SECRET) ? "12345678901234567890".getBytes() : decode(base32);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
        int o = h[19] & 0xf;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format("%06d", bin % 1_000_000);
    }

    private static byte[] decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(base32.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private Reply password(PoolClient client, String name) {
        return client.initiate(CLIENT, "USER_PASSWORD_AUTH", Map.of("USERNAME", name, "PASSWORD", "Start-Passw0rd!"))
                .expectOk();
    }

    @Test
    void rfc6238VectorMatchesTheIndependentImplementation() throws Exception {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 → last six digits
        assertEquals("287082", totp(TOTP_SECRET, Instant.ofEpochSecond(59)));
    }

    @Nested
    class NewPasswordRequired {
        @Test
        void aForcedChangeSetsTheNewPasswordWhichThenWorks() throws IOException {
            try (LocalPool.Running pool = serve(MfaMode.OPTIONAL, user("fresh", UserStatus.FORCE_CHANGE_PASSWORD, MfaSettings.NONE))) {
                PoolClient client = new PoolClient(pool, clock);
                Reply challenge = password(client, "fresh");
                assertEquals("NEW_PASSWORD_REQUIRED", challenge.challenge());
                assertTrue(challenge.parameter("userAttributes").contains("fresh@example.org"));
                client.respond(CLIENT, "NEW_PASSWORD_REQUIRED", challenge.session(),
                        Map.of("USERNAME", "fresh", "NEW_PASSWORD", "short")).expectError("InvalidPasswordException");
                Reply again = password(client, "fresh");
                assertTrue(client.respond(CLIENT, "NEW_PASSWORD_REQUIRED", again.session(),
                        Map.of("USERNAME", "fresh", "NEW_PASSWORD", "Brand-New-Passw0rd")).signedIn());
                assertTrue(client.initiate(CLIENT, "USER_PASSWORD_AUTH",
                        Map.of("USERNAME", "fresh", "PASSWORD", "Brand-New-Passw0rd")).signedIn());
                client.initiate(CLIENT, "USER_PASSWORD_AUTH", Map.of("USERNAME", "fresh", "PASSWORD", "Start-Passw0rd!"))
                        .expectError("NotAuthorizedException");
            }
        }

        @Test
        void anUnconfirmedUserIsRefusedAfterTheirPassword() throws IOException {
            try (LocalPool.Running pool = serve(MfaMode.OPTIONAL, user("pending", UserStatus.UNCONFIRMED, MfaSettings.NONE))) {
                Reply refused = new PoolClient(pool, clock).initiate(CLIENT, "USER_PASSWORD_AUTH",
                        Map.of("USERNAME", "pending", "PASSWORD", "Start-Passw0rd!")).expectError("UserNotConfirmedException");
                assertEquals("User is not confirmed.", refused.message());
            }
        }
    }

    @Nested
    class SoftwareTokenMfa {
        @Test
        void asksForTheCurrentCodeAndAcceptsTheNeighbouringStep() throws Exception {
            try (LocalPool.Running pool = serve(MfaMode.OPTIONAL, user("totp", UserStatus.CONFIRMED,
                    new MfaSettings(false, false, TOTP_SECRET, null)))) {
                PoolClient client = new PoolClient(pool, clock);
                Reply challenge = password(client, "totp");
                assertEquals("SOFTWARE_TOKEN_MFA", challenge.challenge());
                Instant now = clock.instant();
                String stale = totp(TOTP_SECRET, now.minusSeconds(120));
                if (!stale.equals(totp(TOTP_SECRET, now)) && !stale.equals(totp(TOTP_SECRET, now.minusSeconds(30)))) {
                    client.respond(CLIENT, "SOFTWARE_TOKEN_MFA", challenge.session(),
                            Map.of("USERNAME", "totp", "SOFTWARE_TOKEN_MFA_CODE", stale)).expectError("CodeMismatchException");
                }
                // a mistyped code leaves the Session usable, as Cognito does
                assertTrue(client.respond(CLIENT, "SOFTWARE_TOKEN_MFA", challenge.session(),
                        Map.of("USERNAME", "totp", "SOFTWARE_TOKEN_MFA_CODE", totp(TOTP_SECRET, now.minusSeconds(30)))).signedIn());
            }
        }

        @Test
        void mfaRequiredWithoutAMethodSetsUpAnAuthenticator() throws Exception {
            try (LocalPool.Running pool = serve(MfaMode.ON, user("newbie", UserStatus.CONFIRMED, MfaSettings.NONE))) {
                PoolClient client = new PoolClient(pool, clock);
                Reply setup = password(client, "newbie");
                assertEquals("MFA_SETUP", setup.challenge());
                assertEquals("[\"SOFTWARE_TOKEN_MFA\"]", setup.parameter("MFAS_CAN_SETUP"));
                Reply associated = client.call("AssociateSoftwareToken",
                        PoolClient.JSON.createObjectNode().put("Session", setup.session())).expectOk();
                String secret = associated.body().path("SecretCode").asText();
                assertEquals(32, secret.length());
                Reply wrong = client.call("VerifySoftwareToken", PoolClient.JSON.createObjectNode()
                        .put("Session", associated.session()).put("UserCode", "000000x"));
                wrong.expectError("EnableSoftwareTokenMFAException");
                Reply verified = client.call("VerifySoftwareToken", PoolClient.JSON.createObjectNode()
                        .put("Session", associated.session()).put("UserCode", totp(secret, clock.instant()))).expectOk();
                assertEquals("SUCCESS", verified.body().path("Status").asText());
                assertTrue(client.respond(CLIENT, "MFA_SETUP", verified.session(), Map.of("USERNAME", "newbie")).signedIn());

                Reply next = password(client, "newbie");
                assertEquals("SOFTWARE_TOKEN_MFA", next.challenge(), "the new authenticator is now asked for");
            }
        }
    }

    @Nested
    class ASignedInUser {
        @Test
        void addsAnAuthenticatorWithTheirAccessTokenAndIsAskedForItNextTime() throws Exception {
            try (LocalPool.Running pool = serve(MfaMode.OPTIONAL, user("adder", UserStatus.CONFIRMED, MfaSettings.NONE))) {
                PoolClient client = new PoolClient(pool, clock);
                String accessToken = password(client, "adder").token("AccessToken");
                String secret = client.call("AssociateSoftwareToken", PoolClient.JSON.createObjectNode()
                        .put("AccessToken", accessToken)).expectOk().body().path("SecretCode").asText();
                client.call("VerifySoftwareToken", PoolClient.JSON.createObjectNode().put("AccessToken", accessToken)
                        .put("UserCode", "123")).expectError("EnableSoftwareTokenMFAException");
                assertTrue(password(client, "adder").signedIn(), "an unverified authenticator is not asked for");
                Reply verified = client.call("VerifySoftwareToken", PoolClient.JSON.createObjectNode()
                        .put("AccessToken", accessToken).put("UserCode", totp(secret, clock.instant()))).expectOk();
                assertEquals("SUCCESS", verified.body().path("Status").asText());
                Reply next = password(client, "adder");
                assertEquals("SOFTWARE_TOKEN_MFA", next.challenge());
                assertTrue(client.respond(CLIENT, "SOFTWARE_TOKEN_MFA", next.session(),
                        Map.of("USERNAME", "adder", "SOFTWARE_TOKEN_MFA_CODE", totp(secret, clock.instant()))).signedIn());
            }
        }
    }

    @Nested
    class SmsAndEmail {
        @Test
        void withSeveralMethodsTheUserSelectsOneAndGetsItsCodeOnTheConsole() throws IOException {
            try (LocalPool.Running pool = serve(MfaMode.OPTIONAL, user("both", UserStatus.CONFIRMED,
                    new MfaSettings(true, true, null, null)))) {
                PoolClient client = new PoolClient(pool, clock);
                Reply select = password(client, "both");
                assertEquals("SELECT_MFA_TYPE", select.challenge());
                assertEquals("[\"SMS_MFA\",\"EMAIL_OTP\"]", select.parameter("MFAS_CAN_CHOOSE"));
                Reply email = client.respond(CLIENT, "SELECT_MFA_TYPE", select.session(),
                        Map.of("USERNAME", "both", "ANSWER", "EMAIL_OTP")).expectOk();
                assertEquals("EMAIL_OTP", email.challenge());
                assertEquals("EMAIL", email.parameter("CODE_DELIVERY_DELIVERY_MEDIUM"));
                assertEquals("b***@e***", email.parameter("CODE_DELIVERY_DESTINATION"));
                String line = console.get(console.size() - 1);
                String code = line.substring(line.length() - 6);
                assertTrue(client.respond(CLIENT, "EMAIL_OTP", email.session(),
                        Map.of("USERNAME", "both", "EMAIL_OTP_CODE", code)).signedIn());
            }
        }

        @Test
        void aPreferredSmsIsAskedDirectly() throws IOException {
            try (LocalPool.Running pool = serve(MfaMode.OPTIONAL, user("sms", UserStatus.CONFIRMED,
                    new MfaSettings(true, true, null, "SMS_MFA")))) {
                PoolClient client = new PoolClient(pool, clock);
                Reply sms = password(client, "sms");
                assertEquals("SMS_MFA", sms.challenge());
                assertEquals("+*******1234", sms.parameter("CODE_DELIVERY_DESTINATION"));
                String line = console.get(console.size() - 1);
                assertTrue(line.startsWith("SMS to +15550001234"), line);
                client.respond(CLIENT, "SMS_MFA", sms.session(), Map.of("USERNAME", "sms", "SMS_MFA_CODE", "12345x"))
                        .expectError("CodeMismatchException");
                assertTrue(client.respond(CLIENT, "SMS_MFA", sms.session(),
                        Map.of("USERNAME", "sms", "SMS_MFA_CODE", line.substring(line.length() - 6))).signedIn());
            }
        }
    }
}
