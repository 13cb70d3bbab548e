package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.PoolClient.Reply;
import dev.cogauth.localpool.definition.PoolDefinition.DeviceTracking;
import dev.cogauth.localpool.definition.UserDefinition.MfaSettings;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.localpool.definition.UserDefinition;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.srp.DeviceSecrets;
import dev.cogauth.srp.SrpClient;
import dev.cogauth.srp.SrpTimestamp;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Remembered devices over raw HTTP, as a Cognito SDK would drive them: NewDeviceMetadata,
 * ConfirmDevice with a verifier made by the client's own code, DEVICE_SRP_AUTH and
 * DEVICE_PASSWORD_VERIFIER signed with the group key and device key, MFA skipped for a
 * remembered device, and refresh tokens bound to their device.
 */
class LocalPoolDevicesTest {

    private static final String CLIENT = TestPools.PUBLIC;
    private static final String ALICE = TestPools.ALICE;
    private static final String EMMA = "emma";
    private static final String EMMA_PASSWORD = "Emma-Passw0rd!";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SettableClock clock = SettableClock.stopped();
    private final List<String> console = new CopyOnWriteArrayList<>();
    private LocalPool.Running pool;
    private PoolClient client;

    /** A device as a client keeps it after ConfirmDevice. */
    private record Device(String key, String groupKey, String password) {
    }

    private void serve(DeviceTracking tracking) throws IOException {
        UserDefinition emma = new UserDefinition(EMMA, EMMA_PASSWORD, UserStatus.CONFIRMED,
                new MfaSettings(false, true, null, null), Map.of("email", "emma@example.org"));
        pool = LocalPool.builder().definition(TestPools.trackingDevices(tracking, emma))
                .log(PoolLog.to(console::add, true)).clock(clock).build().start(0);
        client = new PoolClient(pool, clock);
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.close();
        }
    }

    private static String password(String username) {
        return username.equals(EMMA) ? EMMA_PASSWORD : username.equals(ALICE) ? TestPools.PASSWORD : DemoPool.PASSWORD;
    }

    private Reply passwordSignIn(String username, String deviceKey) {
        Map<String, String> parameters = new HashMap<>(Map.of("USERNAME", username, "PASSWORD", password(username)));
        if (deviceKey != null) {
            parameters.put("DEVICE_KEY", deviceKey);
        }
        return client.initiate(CLIENT, "USER_PASSWORD_AUTH", parameters);
    }

    /** USER_SRP_AUTH with DEVICE_KEY through the password: the reply to PASSWORD_VERIFIER. */
    private Reply srpSignIn(String username, String deviceKey) {
        SrpClient srp = PoolClient.srp();
        Reply verifier = client.initiate(CLIENT, "USER_SRP_AUTH",
                Map.of("USERNAME", username, "SRP_A", srp.publicKeyHex(), "DEVICE_KEY", deviceKey)).expectOk();
        Map<String, String> claim = new HashMap<>(client.passwordClaim(srp, verifier, password(username)));
        claim.put("DEVICE_KEY", deviceKey);
        return client.respond(CLIENT, "PASSWORD_VERIFIER", verifier.session(), claim);
    }

    /** Confirms the device the sign-in's tokens offered, with secrets made as the cogauth client makes them. */
    private Device confirm(Reply signedIn) {
        ObjectNode offered = (ObjectNode) signedIn.body().path("AuthenticationResult").path("NewDeviceMetadata");
        String key = offered.path("DeviceKey").asText();
        String groupKey = offered.path("DeviceGroupKey").asText();
        DeviceSecrets secrets = DeviceSecrets.generate(groupKey, key, RANDOM);
        Reply confirmed = confirmDevice(signedIn.token("AccessToken"), key, secrets).expectOk();
        assertEquals(List.of("UserConfirmationNecessary"), fieldNames(confirmed.body()));
        return new Device(key, groupKey, secrets.devicePassword());
    }

    private Reply confirmDevice(String accessToken, String key, DeviceSecrets secrets) {
        ObjectNode body = PoolClient.JSON.createObjectNode().put("AccessToken", accessToken).put("DeviceKey", key)
                .put("DeviceName", "test device");
        body.putObject("DeviceSecretVerifierConfig").put("PasswordVerifier", secrets.verifierBase64())
                .put("Salt", secrets.saltBase64());
        return client.call("ConfirmDevice", body);
    }

    private Reply deviceCall(String operation, String accessToken, String key) {
        return client.call(operation, PoolClient.JSON.createObjectNode().put("AccessToken", accessToken)
                .put("DeviceKey", key));
    }

    /** Answers DEVICE_SRP_AUTH and then DEVICE_PASSWORD_VERIFIER with {@code devicePassword}: the last reply. */
    private Reply proveDevice(Reply deviceSrpAuth, Device device, String devicePassword) {
        assertEquals("DEVICE_SRP_AUTH", deviceSrpAuth.challenge(), deviceSrpAuth.body()::toString);
        String username = deviceSrpAuth.parameter("USERNAME");
        SrpClient srp = PoolClient.srp();
        Reply verifier = client.respond(CLIENT, "DEVICE_SRP_AUTH", deviceSrpAuth.session(), Map.of(
                "USERNAME", username, "DEVICE_KEY", device.key(), "SRP_A", srp.publicKeyHex())).expectOk();
        assertEquals("DEVICE_PASSWORD_VERIFIER", verifier.challenge());
        assertEquals(device.key(), verifier.parameter("DEVICE_KEY"));
        assertEquals(username, verifier.parameter("USERNAME"));
        String timestamp = SrpTimestamp.format(clock.instant());
        String signature = srp.passwordClaimSignature(device.groupKey(), device.key(), devicePassword,
                verifier.parameter("SALT"), verifier.parameter("SRP_B"), verifier.parameter("SECRET_BLOCK"), timestamp);
        return client.respond(CLIENT, "DEVICE_PASSWORD_VERIFIER", verifier.session(), Map.of(
                "USERNAME", username, "DEVICE_KEY", device.key(),
                "PASSWORD_CLAIM_SECRET_BLOCK", verifier.parameter("SECRET_BLOCK"),
                "PASSWORD_CLAIM_SIGNATURE", signature, "TIMESTAMP", timestamp));
    }

    private Reply refresh(String refreshToken, String deviceKey) {
        Map<String, String> parameters = new HashMap<>(Map.of("REFRESH_TOKEN", refreshToken));
        if (deviceKey != null) {
            parameters.put("DEVICE_KEY", deviceKey);
        }
        return client.initiate(CLIENT, "REFRESH_TOKEN_AUTH", parameters);
    }

    private Reply getTokensFromRefreshToken(String refreshToken, String deviceKey) {
        ObjectNode body = PoolClient.JSON.createObjectNode().put("ClientId", CLIENT).put("RefreshToken", refreshToken);
        if (deviceKey != null) {
            body.put("DeviceKey", deviceKey);
        }
        return client.call("GetTokensFromRefreshToken", body);
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean offersDevice(Reply reply) {
        return reply.body().path("AuthenticationResult").has("NewDeviceMetadata");
    }

    @Nested
    class WithDeviceTrackingOff {
        @Test
        void tokensOfferNoDeviceAndADeviceKeyIsIgnored() throws IOException {
            serve(DeviceTracking.OFF);
            Reply signedIn = passwordSignIn(ALICE, null).expectOk();
            assertTrue(signedIn.signedIn());
            assertFalse(offersDevice(signedIn));
            assertTrue(passwordSignIn(ALICE, "us-east-1_00000000-0000-0000-0000-000000000000").signedIn());
        }

        @Test
        void confirmDeviceFindsNoDevice() throws IOException {
            serve(DeviceTracking.OFF);
            Reply signedIn = passwordSignIn(ALICE, null).expectOk();
            Reply refused = confirmDevice(signedIn.token("AccessToken"), "us-east-1_made-up",
                    DeviceSecrets.generate("-group", "us-east-1_made-up", RANDOM)).expectError("ResourceNotFoundException");
            assertEquals("Device does not exist.", refused.message());
        }
    }

    @Nested
    class AlwaysRememberingDevices {
        @Test
        void everySignInWithoutADeviceIsOfferedANewOne() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Reply first = passwordSignIn(ALICE, null).expectOk();
            Reply second = passwordSignIn(ALICE, null).expectOk();
            String key = first.body().path("AuthenticationResult").path("NewDeviceMetadata").path("DeviceKey").asText();
            String group = first.body().path("AuthenticationResult").path("NewDeviceMetadata").path("DeviceGroupKey").asText();
            assertTrue(key.matches("us-east-1_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), key);
            assertTrue(group.matches("-[A-Za-z0-9]{9}"), group);
            assertNotEquals(key, second.body().path("AuthenticationResult").path("NewDeviceMetadata").path("DeviceKey").asText());
            assertEquals(key, PoolClient.claims(first.token("AccessToken")).get("device_key"));
        }

        @Test
        void confirmDeviceRemembersItAtOnce() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Reply signedIn = passwordSignIn(ALICE, null).expectOk();
            String key = signedIn.body().path("AuthenticationResult").path("NewDeviceMetadata").path("DeviceKey").asText();
            Reply confirmed = confirmDevice(signedIn.token("AccessToken"), key,
                    DeviceSecrets.generate("-ignored", key, RANDOM)).expectOk();
            assertFalse(confirmed.body().path("UserConfirmationNecessary").asBoolean(true));
            assertTrue(console.stream().anyMatch(line -> line.equals("ConfirmDevice user alice device " + key
                    + " (remembered)")), console::toString);
        }

        @Test
        void aSignInNamingTheDeviceProvesItBeforeTheTokens() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Device device = confirm(passwordSignIn(ALICE, null).expectOk());

            Reply deviceSrp = srpSignIn(ALICE, device.key()).expectOk();
            assertEquals("DEVICE_SRP_AUTH", deviceSrp.challenge());
            assertEquals(ALICE, deviceSrp.parameter("USERNAME"));
            Reply signedIn = proveDevice(deviceSrp, device, device.password()).expectOk();

            assertTrue(signedIn.signedIn());
            assertFalse(offersDevice(signedIn), "a known device is not offered again");
            assertEquals(device.key(), PoolClient.claims(signedIn.token("AccessToken")).get("device_key"));
        }

        @Test
        void aWrongDevicePasswordIsRefused() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Device device = confirm(passwordSignIn(ALICE, null).expectOk());
            Reply refused = proveDevice(passwordSignIn(ALICE, device.key()).expectOk(), device, "not-the-device-password")
                    .expectError("NotAuthorizedException");
            assertFalse(refused.signedIn());
            assertTrue(console.contains("  device verifier: wrong device password"), console::toString);
        }

        @Test
        void theCustomFlowProvesTheDeviceOnceDefineIssuesTokens() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Device device = confirm(passwordSignIn(DemoPool.USERNAME, null).expectOk());
            SrpClient srp = PoolClient.srp();
            Reply verifier = client.initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", DemoPool.USERNAME,
                    "SRP_A", srp.publicKeyHex(), "CHALLENGE_NAME", "SRP_A", "DEVICE_KEY", device.key())).expectOk();
            Reply question = client.respond(CLIENT, "PASSWORD_VERIFIER", verifier.session(),
                    client.passwordClaim(srp, verifier, DemoPool.PASSWORD)).expectOk();
            assertEquals("CUSTOM_CHALLENGE", question.challenge());
            Reply deviceSrp = client.respond(CLIENT, "CUSTOM_CHALLENGE", question.session(),
                    Map.of("USERNAME", DemoPool.USERNAME, "ANSWER", "42", "DEVICE_KEY", device.key())).expectOk();
            assertTrue(proveDevice(deviceSrp, device, device.password()).signedIn());
        }

        @Test
        void aDeviceKeyFirstGivenWithAChallengeAnswerCountsToo() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Device device = confirm(passwordSignIn(ALICE, null).expectOk());
            SrpClient srp = PoolClient.srp();
            Reply verifier = client.initiate(CLIENT, "USER_SRP_AUTH", Map.of("USERNAME", ALICE,
                    "SRP_A", srp.publicKeyHex())).expectOk();
            Map<String, String> claim = new HashMap<>(client.passwordClaim(srp, verifier, TestPools.PASSWORD));
            claim.put("DEVICE_KEY", device.key());
            Reply deviceSrp = client.respond(CLIENT, "PASSWORD_VERIFIER", verifier.session(), claim).expectOk();
            assertEquals("DEVICE_SRP_AUTH", deviceSrp.challenge());
        }
    }

    @Nested
    class AnUnknownDeviceKey {
        @Test
        void isAResourceNotFoundExceptionSoTheClientForgetsIt() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Reply refused = passwordSignIn(ALICE, "us-east-1_11111111-2222-3333-4444-555555555555")
                    .expectError("ResourceNotFoundException");
            assertEquals("Device does not exist.", refused.message());
        }

        /**
         * As amazon-cognito-identity-js and Amplify do: the stale key is refused with the password's
         * answer, and the same answer goes again with the same Session, its DEVICE_KEY now null.
         */
        @Test
        void inAnAnswerLeavesTheSessionUsableForTheRetryWithoutIt() throws IOException {
            serve(DeviceTracking.ALWAYS);
            SrpClient srp = PoolClient.srp();
            Reply verifier = client.initiate(CLIENT, "USER_SRP_AUTH",
                    Map.of("USERNAME", ALICE, "SRP_A", srp.publicKeyHex())).expectOk();
            ObjectNode claim = PoolClient.JSON.valueToTree(client.passwordClaim(srp, verifier, TestPools.PASSWORD));
            claim.put("DEVICE_KEY", "us-east-1_11111111-2222-3333-4444-555555555555");
            ObjectNode body = PoolClient.JSON.createObjectNode().put("ChallengeName", "PASSWORD_VERIFIER")
                    .put("ClientId", CLIENT).put("Session", verifier.session());
            body.set("ChallengeResponses", claim);
            client.call("RespondToAuthChallenge", body).expectError("ResourceNotFoundException");

            claim.putNull("DEVICE_KEY");
            Reply retried = client.call("RespondToAuthChallenge", body);
            assertTrue(retried.signedIn(), retried.body()::toString);
            assertTrue(offersDevice(retried), "a sign-in without a device is offered a new one");
            client.call("RespondToAuthChallenge", body).expectError("NotAuthorizedException");
        }

        @Test
        void includesAnotherUsersDeviceAndAnUnconfirmedOne() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Device alices = confirm(passwordSignIn(ALICE, null).expectOk());
            passwordSignIn(DemoPool.USERNAME, alices.key()).expectError("ResourceNotFoundException");
            String unconfirmed = passwordSignIn(ALICE, null).expectOk().body().path("AuthenticationResult")
                    .path("NewDeviceMetadata").path("DeviceKey").asText();
            passwordSignIn(ALICE, unconfirmed).expectError("ResourceNotFoundException");
        }

        @Test
        void includesAForgottenDevice() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Reply signedIn = passwordSignIn(ALICE, null).expectOk();
            Device device = confirm(signedIn);
            String accessToken = signedIn.token("AccessToken");
            Reply demo = passwordSignIn(DemoPool.USERNAME, null).expectOk();
            deviceCall("ForgetDevice", demo.token("AccessToken"), device.key()).expectError("ResourceNotFoundException");
            deviceCall("ForgetDevice", accessToken, device.key()).expectOk();
            passwordSignIn(ALICE, device.key()).expectError("ResourceNotFoundException");
            deviceCall("ForgetDevice", accessToken, device.key()).expectError("ResourceNotFoundException");
        }

        @Test
        void cannotBeConfirmedByAnotherUser() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Reply alice = passwordSignIn(ALICE, null).expectOk();
            String key = alice.body().path("AuthenticationResult").path("NewDeviceMetadata").path("DeviceKey").asText();
            Reply demo = passwordSignIn(DemoPool.USERNAME, null).expectOk();
            confirmDevice(demo.token("AccessToken"), key, DeviceSecrets.generate("-g", key, RANDOM))
                    .expectError("ResourceNotFoundException");
        }

        @Test
        void isNotConfirmedWithAVerifierThatIsNotBase64() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Reply alice = passwordSignIn(ALICE, null).expectOk();
            String key = alice.body().path("AuthenticationResult").path("NewDeviceMetadata").path("DeviceKey").asText();
            ObjectNode body = PoolClient.JSON.createObjectNode().put("AccessToken", alice.token("AccessToken"))
                    .put("DeviceKey", key);
            body.putObject("DeviceSecretVerifierConfig").put("PasswordVerifier", "not base64!").put("Salt", "AAEC");
            client.call("ConfirmDevice", body).expectError("InvalidParameterException");
            body.remove("DeviceSecretVerifierConfig");
            client.call("ConfirmDevice", body).expectError("InvalidParameterException");
        }
    }

    @Nested
    class WithMfa {
        private String emailedCode() {
            String line = console.stream().filter(l -> l.startsWith("Email to emma@example.org")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no code was emailed: " + console));
            return line.substring(line.length() - 6);
        }

        private Reply signInWithMfa(String deviceKey) {
            Reply mfa = passwordSignIn(EMMA, deviceKey).expectOk();
            assertEquals("EMAIL_OTP", mfa.challenge(), mfa.body()::toString);
            Map<String, String> answer = new HashMap<>(Map.of("USERNAME", EMMA, "EMAIL_OTP_CODE", emailedCode()));
            if (deviceKey != null) {
                answer.put("DEVICE_KEY", deviceKey);
            }
            return client.respond(CLIENT, "EMAIL_OTP", mfa.session(), answer).expectOk();
        }

        @Test
        void aRememberedDeviceSkipsTheMfaStep() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Device device = confirm(signInWithMfa(null));
            Reply deviceSrp = passwordSignIn(EMMA, device.key()).expectOk();
            assertEquals("DEVICE_SRP_AUTH", deviceSrp.challenge(), "no EMAIL_OTP for a remembered device");
            assertTrue(proveDevice(deviceSrp, device, device.password()).signedIn());
        }

        @Test
        void underUserOptInADeviceSkipsMfaOnlyOnceTheUserSaysRemembered() throws IOException {
            serve(DeviceTracking.USER_OPT_IN);
            Reply first = signInWithMfa(null);
            ObjectNode offered = (ObjectNode) first.body().path("AuthenticationResult").path("NewDeviceMetadata");
            String key = offered.path("DeviceKey").asText();
            DeviceSecrets secrets = DeviceSecrets.generate(offered.path("DeviceGroupKey").asText(), key, RANDOM);
            Device device = new Device(key, offered.path("DeviceGroupKey").asText(), secrets.devicePassword());
            Reply confirmed = confirmDevice(first.token("AccessToken"), key, secrets).expectOk();
            assertTrue(confirmed.body().path("UserConfirmationNecessary").asBoolean(false));

            // Confirmed but not remembered: MFA first, then the device proves itself.
            Reply afterMfa = signInWithMfa(key);
            assertTrue(proveDevice(afterMfa, device, device.password()).signedIn());

            ObjectNode remember = PoolClient.JSON.createObjectNode().put("AccessToken", first.token("AccessToken"))
                    .put("DeviceKey", key).put("DeviceRememberedStatus", "remembered");
            client.call("UpdateDeviceStatus", remember).expectOk();
            Reply deviceSrp = passwordSignIn(EMMA, key).expectOk();
            assertEquals("DEVICE_SRP_AUTH", deviceSrp.challenge());
            assertTrue(proveDevice(deviceSrp, device, device.password()).signedIn());

            client.call("UpdateDeviceStatus", remember.put("DeviceRememberedStatus", "forever"))
                    .expectError("InvalidParameterException");
        }
    }

    @Nested
    class RefreshTokens {
        @Test
        void ofAConfirmedDeviceNeedItsDeviceKey() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Reply signedIn = passwordSignIn(ALICE, null).expectOk();
            Device device = confirm(signedIn);
            String refreshToken = signedIn.token("RefreshToken");

            assertEquals("Invalid Refresh Token", refresh(refreshToken, null).expectError("NotAuthorizedException").message());
            refresh(refreshToken, "us-east-1_another-device").expectError("NotAuthorizedException");
            getTokensFromRefreshToken(refreshToken, null).expectError("NotAuthorizedException");
            Reply refreshed = refresh(refreshToken, device.key()).expectOk();
            assertEquals(device.key(), PoolClient.claims(refreshed.token("AccessToken")).get("device_key"));
            assertFalse(offersDevice(refreshed));
            assertTrue(getTokensFromRefreshToken(refreshToken, device.key()).signedIn());
        }

        @Test
        void ofADeviceSignInNeedItsDeviceKey() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Device device = confirm(passwordSignIn(ALICE, null).expectOk());
            Reply signedIn = proveDevice(passwordSignIn(ALICE, device.key()).expectOk(), device, device.password());
            refresh(signedIn.token("RefreshToken"), null).expectError("NotAuthorizedException");
            assertTrue(refresh(signedIn.token("RefreshToken"), device.key()).signedIn());
        }

        /** Cognito refuses them until the client confirms the device (see docs/local-pool.md for the source). */
        @Test
        void ofAnOfferedDeviceNeverConfirmedAreRefused() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Reply signedIn = passwordSignIn(ALICE, null).expectOk();
            assertTrue(offersDevice(signedIn));
            String offered = signedIn.body().path("AuthenticationResult").path("NewDeviceMetadata").path("DeviceKey").asText();
            String refreshToken = signedIn.token("RefreshToken");
            assertEquals("Invalid Refresh Token", refresh(refreshToken, null).expectError("NotAuthorizedException").message());
            refresh(refreshToken, offered).expectError("NotAuthorizedException");
            getTokensFromRefreshToken(refreshToken, offered).expectError("NotAuthorizedException");

            DeviceSecrets secrets = DeviceSecrets.generate(
                    signedIn.body().path("AuthenticationResult").path("NewDeviceMetadata").path("DeviceGroupKey").asText(),
                    offered, RANDOM);
            confirmDevice(signedIn.token("AccessToken"), offered, secrets).expectOk();
            assertTrue(refresh(refreshToken, offered).signedIn(), "confirmed, the same refresh token works");
        }

        @Test
        void ofAForgottenDeviceStopWorking() throws IOException {
            serve(DeviceTracking.ALWAYS);
            Reply signedIn = passwordSignIn(ALICE, null).expectOk();
            Device device = confirm(signedIn);
            deviceCall("ForgetDevice", signedIn.token("AccessToken"), device.key()).expectOk();
            refresh(signedIn.token("RefreshToken"), device.key()).expectError("NotAuthorizedException");
            refresh(signedIn.token("RefreshToken"), null).expectError("NotAuthorizedException");
        }

        @Test
        void withoutDeviceTrackingIgnoreADeviceKey() throws IOException {
            serve(DeviceTracking.OFF);
            Reply signedIn = passwordSignIn(ALICE, null).expectOk();
            assertTrue(refresh(signedIn.token("RefreshToken"), "us-east-1_whatever").signedIn());
            assertNull(PoolClient.claims(signedIn.token("AccessToken")).get("device_key"));
        }
    }

    @Test
    void theLogNamesDevicesButNeverTheirSecrets() throws IOException {
        serve(DeviceTracking.ALWAYS);
        Device device = confirm(passwordSignIn(ALICE, null).expectOk());
        assertTrue(proveDevice(passwordSignIn(ALICE, device.key()).expectOk(), device, device.password()).signedIn());
        String log = String.join("\n", console);
        assertTrue(log.contains("  device verifier: correct"), log);
        assertTrue(log.contains("tokens issued for alice (client " + CLIENT + "), device " + device.key()), log);
        assertFalse(log.contains(device.password()), log);
    }
}
