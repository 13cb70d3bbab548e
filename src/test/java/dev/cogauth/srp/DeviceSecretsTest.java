package dev.cogauth.srp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceSecretsTest {

    private static final String GROUP_KEY = "-Kz8aB1cD";
    private static final String DEVICE_KEY = "us-east-1_0c4e5a9f-1b2c-4d3e-8f70-123456789abc";
    private static final String TIMESTAMP = "Sat Jan 1 00:00:00 UTC 2022";

    private final SecureRandom random = new SecureRandom();
    private final DeviceSecrets secrets = DeviceSecrets.generate(GROUP_KEY, DEVICE_KEY, random);

    @Nested
    class GeneratingSecrets {

        @Test
        void devicePasswordIsFortyRandomBytesInBase64() {
            assertEquals(40, Base64.getDecoder().decode(secrets.devicePassword()).length);
        }

        @Test
        void verifierIsGToTheHashOfSaltAndDeviceIdentity() throws Exception {
            // recomputed here with MessageDigest, as amazon-cognito-identity-js generateHashDevice does it:
            // x = H(bytes(padded salt hex) ‖ H(DeviceGroupKey ‖ DeviceKey ‖ ":" ‖ devicePassword))
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] identity = sha256.digest((GROUP_KEY + DEVICE_KEY + ":" + secrets.devicePassword())
                    .getBytes(StandardCharsets.UTF_8));
            sha256.update(HexFormat.of().parseHex(secrets.saltHex()));
            BigInteger x = new BigInteger(1, sha256.digest(identity));
            BigInteger expected = SrpGroup.G.modPow(x, SrpGroup.N);
            assertEquals(PaddedHex.of(expected), secrets.verifierHex());
        }

        @Test
        void saltAndVerifierAreInPaddedHex() {
            assertEquals(PaddedHex.of(PaddedHex.parse(secrets.saltHex())), secrets.saltHex());
            assertEquals(PaddedHex.of(PaddedHex.parse(secrets.verifierHex())), secrets.verifierHex());
        }

        @Test
        void base64FormsCarryThePaddedHexBytes() {
            assertArrayEquals(HexFormat.of().parseHex(secrets.saltHex()), Base64.getDecoder().decode(secrets.saltBase64()));
            assertArrayEquals(HexFormat.of().parseHex(secrets.verifierHex()),
                    Base64.getDecoder().decode(secrets.verifierBase64()));
        }

        @Test
        void neverPrintTheDevicePassword() {
            assertFalse(secrets.toString().contains(secrets.devicePassword()), secrets.toString());
        }
    }

    @Nested
    class SigningADeviceClaim {

        /** The local pool's side: it only ever sees what ConfirmDevice sent. */
        private final SrpServer server = SrpServer.start(
                SrpVerifier.fromBase64(secrets.saltBase64(), secrets.verifierBase64()), random);
        private final SrpClient client = SrpClient.start(random);
        private final String secretBlock = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6});

        private String sign(String groupKey, String deviceKey, String password) {
            return client.passwordClaimSignature(groupKey, deviceKey, password, server.saltHex(), server.publicKeyHex(),
                    secretBlock, TIMESTAMP);
        }

        private boolean verify(String signature) {
            return server.verifyPasswordClaim(GROUP_KEY, DEVICE_KEY, client.publicKeyHex(), secretBlock, TIMESTAMP,
                    signature);
        }

        @Test
        void verifiesWithTheGroupKeyAsPoolAndTheDeviceKeyAsUser() {
            assertTrue(verify(sign(GROUP_KEY, DEVICE_KEY, secrets.devicePassword())));
        }

        @Test
        void failsWithTheKeysSwapped() {
            assertFalse(verify(sign(DEVICE_KEY, GROUP_KEY, secrets.devicePassword())));
        }

        @Test
        void failsWithAnotherDevicesPassword() {
            String other = DeviceSecrets.generate(GROUP_KEY, DEVICE_KEY, random).devicePassword();
            assertFalse(verify(sign(GROUP_KEY, DEVICE_KEY, other)));
        }
    }

    @Nested
    class RestoringStoredSecrets {

        @ParameterizedTest(name = "[{index}] ({0}, {1}, {2}) -> {3}")
        @CsvSource({
                "'',  0a, 0b,  device password is missing",
                "pw,  0g, 0b,  device salt is not a hexadecimal number",
                "pw,  0a, 00b, device verifier has an odd number of hex digits",
        })
        void rejectsMalformedValues(String password, String saltHex, String verifierHex, String message) {
            SrpException e = assertThrows(SrpException.class, () -> new DeviceSecrets(password, saltHex, verifierHex));
            assertEquals(message, e.getMessage());
        }
    }
}
