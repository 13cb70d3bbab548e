package dev.cogauth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.protocol.AuthFlow;
import dev.cogauth.srp.DeviceSecrets;
import dev.cogauth.srp.SrpServer;
import dev.cogauth.srp.SrpVerifier;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Signing in with a remembered device: DEVICE_KEY on every call, then DEVICE_SRP_AUTH and
 * DEVICE_PASSWORD_VERIFIER checked by the real SRP server math against the verifier that
 * ConfirmDevice would have registered.
 */
class DeviceSignInTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DEVICE_KEY = "us-east-1_0a1b2c3d-device";
    private static final String GROUP_KEY = "-gRoUpKeY";

    private final List<String> trace = new ArrayList<>();

    private static SignInSettings settings(RememberedDevice device) {
        return new SignInSettings("AbC", "client1", Optional.of("s3cret"), AuthFlow.USER_PASSWORD_AUTH,
                Optional.of("alice"), Optional.of("pw"), Map.of(), Optional.ofNullable(device));
    }

    /** The pool's side: the device verifier from ConfirmDevice, and the proof check. */
    private static final class DevicePoolSide {
        final DeviceSecrets secrets = DeviceSecrets.generate(GROUP_KEY, DEVICE_KEY, RANDOM);
        final String secretBlock = Base64.getEncoder().encodeToString("device-secret-block".getBytes());
        SrpServer server;
        String srpA;

        AuthStep deviceVerifier(ScriptedCognito.Call call) {
            srpA = call.parameters().get("SRP_A");
            // What the pool registered from ConfirmDevice's DeviceSecretVerifierConfig.
            SrpVerifier verifier = SrpVerifier.fromBase64(secrets.saltBase64(), secrets.verifierBase64());
            server = SrpServer.start(verifier, RANDOM);
            return AuthStep.challenge("DEVICE_PASSWORD_VERIFIER", "s3", Map.of("USERNAME", "alice",
                    "SALT", secrets.saltHex(), "SRP_B", server.publicKeyHex(), "SECRET_BLOCK", secretBlock));
        }

        boolean proofHolds(ScriptedCognito.Call call) {
            Map<String, String> r = call.parameters();
            return server.verifyPasswordClaim(GROUP_KEY, DEVICE_KEY, srpA, secretBlock, r.get("TIMESTAMP"),
                    r.get("PASSWORD_CLAIM_SIGNATURE"));
        }
    }

    @Test
    void proves_the_device_password_by_srp_and_sends_the_device_key_everywhere() {
        DevicePoolSide pool = new DevicePoolSide();
        RememberedDevice device = new RememberedDevice(DEVICE_KEY, GROUP_KEY, pool.secrets.devicePassword());
        ScriptedCognito cognito = new ScriptedCognito()
                .thenChallenge("DEVICE_SRP_AUTH", "s2", Map.of("USERNAME", "alice"))
                .then(pool::deviceVerifier)
                .then(call -> {
                    if (!pool.proofHolds(call)) {
                        throw new CognitoServiceException("NotAuthorizedException", "Incorrect device proof", 400);
                    }
                    return AuthStep.signedIn(ScriptedCognito.tokens());
                });

        new SignInFlow(cognito, new ScriptedPrompter(), trace::add, CLOCK, RANDOM).signIn(settings(device));

        assertEquals(List.of("USER_PASSWORD_AUTH", "DEVICE_SRP_AUTH", "DEVICE_PASSWORD_VERIFIER"),
                cognito.calls.stream().map(ScriptedCognito.Call::name).toList());
        for (ScriptedCognito.Call call : cognito.calls) {
            assertEquals(DEVICE_KEY, call.parameters().get("DEVICE_KEY"), call.operation() + " " + call.name());
            assertTrue(call.parameters().containsKey("SECRET_HASH"));
        }
        assertTrue(cognito.calls.get(1).parameters().get("SRP_A").matches("[0-9a-f]+"));
        assertFalse(String.join("\n", trace).contains(pool.secrets.devicePassword()));
    }

    @Test
    void a_wrong_device_password_fails_the_real_check() {
        DevicePoolSide pool = new DevicePoolSide();
        RememberedDevice device = new RememberedDevice(DEVICE_KEY, GROUP_KEY, "not-the-password");
        ScriptedCognito cognito = new ScriptedCognito()
                .thenChallenge("DEVICE_SRP_AUTH", "s2", Map.of("USERNAME", "alice"))
                .then(pool::deviceVerifier)
                .then(call -> {
                    assertFalse(pool.proofHolds(call));
                    throw new CognitoServiceException("NotAuthorizedException", "Incorrect device proof", 400);
                });
        assertThrows(CognitoServiceException.class, () ->
                new SignInFlow(cognito, new ScriptedPrompter(), trace::add, CLOCK, RANDOM).signIn(settings(device)));
    }

    @Test
    void without_a_remembered_device_no_device_key_is_sent_and_device_challenges_are_refused() {
        ScriptedCognito cognito = new ScriptedCognito().thenChallenge("DEVICE_SRP_AUTH", "s2", Map.of());
        UnsupportedChallengeException e = assertThrows(UnsupportedChallengeException.class, () ->
                new SignInFlow(cognito, new ScriptedPrompter(), trace::add, CLOCK, RANDOM).signIn(settings(null)));
        assertTrue(e.getMessage().contains("no device is remembered"), e.getMessage());
        assertFalse(cognito.calls.get(0).parameters().containsKey("DEVICE_KEY"));
    }

    @Test
    void the_device_password_never_shows_in_toString() {
        RememberedDevice device = new RememberedDevice(DEVICE_KEY, GROUP_KEY, "device-password-text");
        assertFalse(device.toString().contains("device-password-text"));
        assertFalse(settings(device).toString().contains("device-password-text"));
    }
}
