package dev.cogauth.srp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SrpClientTest {

    // PROTOCOL.md vector 1
    private static final BigInteger VECTOR_1_A = BigInteger.valueOf(1234567890);
    private static final String VECTOR_1_SECRET_BLOCK =
            Base64.getEncoder().encodeToString("secretssecrestssecrets".getBytes(StandardCharsets.US_ASCII));

    // PROTOCOL.md vector 2: a = 128 bytes of 0x01, big-endian
    private static final BigInteger VECTOR_2_A = new BigInteger(1, filled(128, (byte) 1));
    private static final String VECTOR_2_SECRET_BLOCK =
            "9ae77ec7154c14dcc487b47707fee4b4920cb96d8a8c045e4c8df879a7b375524aa736acdec6c9ad4ea606774d00621b";

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    @Nested
    class MatchingTheKnownAnswers {

        @Test
        void derivesVector1Key() {
            SrpClient client = SrpClient.withPrivateKey(VECTOR_1_A);
            byte[] key = client.authenticationKey("myPool", "test", "test", "499602d2", "499602d2");
            assertEquals("d96cde6c95dda17175c1293140c5a81f", HexFormat.of().formatHex(key), "PROTOCOL.md vector 1 K");
        }

        static Stream<Arguments> signatureVectors() {
            return Stream.of(
                    // PROTOCOL.md vector 1
                    Arguments.of(VECTOR_1_A, "myPool", "test", "test", "499602d2", VECTOR_1_SECRET_BLOCK,
                            "Tue Jul 10 11:01:00 UTC 2018", "tdvQu/Li/qWl8Nni0aFPs+MwY4rvKZm0kSMrGIMSUHk="),
                    // PROTOCOL.md vector 2, first signature: 16-byte salt whose first nibble is below 8
                    Arguments.of(VECTOR_2_A, "abc", "user_id", "password", "36ef01c6dde9fe503da333b1acc758ba",
                            VECTOR_2_SECRET_BLOCK, "Mon Feb 10 18:30:12 UTC 2025",
                            "apNSb5GZpJciVc6cVNkDf4elCMoWUZcH4aukLlMPiFA="),
                    // PROTOCOL.md vector 2, second signature: salt with a leading zero nibble
                    Arguments.of(VECTOR_2_A, "abc", "user_id", "password", "036ef01c",
                            VECTOR_2_SECRET_BLOCK, "Mon Feb 10 18:30:12 UTC 2025",
                            "bVzjSe43mY37A6ZuzEVU5cr6QY1WeV3BPfdVJo0c2/8="));
        }

        @ParameterizedTest(name = "[{index}] pool {1}, user {2}, SALT = SRP_B = {4}")
        @MethodSource("signatureVectors")
        void signsTheClaimLikeCognito(BigInteger a, String poolName, String userId, String password, String saltAndB,
                                      String secretBlock, String timestamp, String expected) {
            SrpClient client = SrpClient.withPrivateKey(a);
            String signature = client.passwordClaimSignature(poolName, userId, password, saltAndB, saltAndB,
                    secretBlock, timestamp);
            assertEquals(expected, signature);
        }

        @ParameterizedTest(name = "[{index}] u = {2}")
        @CsvSource({
                // PROTOCOL.md vector 1: u(A, B)
                "6D797365637265746861736841, 6D797365637265746861736842,"
                        + " 39743664823761398449876968619416475559594078623923024211668626611155104513539",
        })
        void computesTheScramblingParameter(String publicA, String publicB, String expected) {
            BigInteger u = ScramblingParameter.compute(new BigInteger(publicA, 16), new BigInteger(publicB, 16));
            assertEquals(new BigInteger(expected), u);
        }
    }

    @Nested
    class PublishingA {

        @Test
        void isGToThePrivateKeyInLowercaseHex() {
            SrpClient client = SrpClient.withPrivateKey(VECTOR_1_A);
            assertEquals(SrpGroup.G.modPow(VECTOR_1_A, SrpGroup.N).toString(16), client.publicKeyHex());
        }

        @Test
        void startDrawsAFreshKeyEachAttempt() {
            SecureRandom random = new SecureRandom();
            String first = SrpClient.start(random).publicKeyHex();
            String second = SrpClient.start(random).publicKeyHex();
            assertNotEquals(first, second);
            assertTrue(first.matches("[0-9a-f]+"), "lowercase hex");
            BigInteger publicA = new BigInteger(first, 16);
            assertTrue(publicA.signum() > 0 && publicA.compareTo(SrpGroup.N) < 0, "1 <= A < N");
        }

        @Test
        void refusesANegativePrivateKey() {
            assertThrows(IllegalArgumentException.class, () -> SrpClient.withPrivateKey(BigInteger.valueOf(-1)));
        }
    }

    @Nested
    class RefusingABadChallenge {

        private final SrpClient client = SrpClient.withPrivateKey(VECTOR_1_A);

        @ParameterizedTest(name = "[{index}] SRP_B = {0}·N")
        @CsvSource({"0", "1", "2"})
        void whenBIsZeroModuloN(int multiple) {
            String srpB = SrpGroup.N.multiply(BigInteger.valueOf(multiple)).toString(16);
            SrpException e = assertThrows(SrpException.class,
                    () -> client.authenticationKey("myPool", "test", "test", "499602d2", srpB));
            assertEquals("SRP_B is invalid: it is zero modulo N", e.getMessage());
        }

        @ParameterizedTest(name = "[{index}] SALT={0}, SRP_B={1} -> {2}")
        @CsvSource({
                "499602d2,  xyz,      SRP_B is not a hexadecimal number",
                "499602d2,  '',       SRP_B is missing",
                "-499602d2, 499602d2, SALT is not a hexadecimal number",
        })
        void whenHexIsMalformed(String salt, String srpB, String message) {
            SrpException e = assertThrows(SrpException.class,
                    () -> client.passwordClaimSignature("myPool", "test", "s3cret-pw", salt, srpB,
                            VECTOR_1_SECRET_BLOCK, "Tue Jul 10 11:01:00 UTC 2018"));
            assertEquals(message, e.getMessage());
        }

        @Test
        void whenTheSecretBlockIsNotBase64() {
            SrpException e = assertThrows(SrpException.class,
                    () -> client.passwordClaimSignature("myPool", "test", "s3cret-pw", "499602d2", "499602d2",
                            "not*base64", "Tue Jul 10 11:01:00 UTC 2018"));
            assertEquals("SECRET_BLOCK is not valid base64", e.getMessage());
        }

        @Test
        void whenUIsZero() {
            // no A and B hash to zero, so the guard that compute() applies is tested on its own
            SrpException e = assertThrows(SrpException.class, () -> ScramblingParameter.requireNonZero(BigInteger.ZERO));
            assertEquals("SRP scrambling parameter u is zero", e.getMessage());
        }
    }
}
