package dev.cogauth.srp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An {@link SrpClient} answering an {@link SrpServer}, both with fresh random keys. */
class SrpRoundTripTest {

    private static final String POOL = "AbCdEf123";
    private static final String USER = "5f0e8c1a-user-id";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TIMESTAMP = "Mon Feb 10 18:30:12 UTC 2025";

    private final SecureRandom random = new SecureRandom();
    private final SrpServer server = SrpServer.start(SrpVerifier.create(POOL, USER, PASSWORD, random), random);
    private final SrpClient client = SrpClient.start(random);
    private final String secretBlock = randomBase64(random);

    private static String randomBase64(SecureRandom random) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private String sign(String password) {
        return client.passwordClaimSignature(POOL, USER, password, server.saltHex(), server.publicKeyHex(),
                secretBlock, TIMESTAMP);
    }

    private boolean verify(String poolName, String userId, String secretBlockBase64, String timestamp, String signature) {
        return server.verifyPasswordClaim(poolName, userId, client.publicKeyHex(), secretBlockBase64, timestamp, signature);
    }

    @Nested
    class TheServerAccepts {

        @Test
        void theRightPassword() {
            assertTrue(verify(POOL, USER, secretBlock, TIMESTAMP, sign(PASSWORD)));
        }

        @Test
        void aTimestampFromSrpTimestamp() {
            String now = SrpTimestamp.now(Clock.systemUTC());
            String signature = client.passwordClaimSignature(POOL, USER, PASSWORD, server.saltHex(),
                    server.publicKeyHex(), secretBlock, now);
            assertTrue(verify(POOL, USER, secretBlock, now, signature));
        }
    }

    @Nested
    class TheServerRejects {

        @Test
        void aWrongPassword() {
            assertFalse(verify(POOL, USER, secretBlock, TIMESTAMP, sign(PASSWORD + "!")));
        }

        @Test
        void aTamperedTimestamp() {
            assertFalse(verify(POOL, USER, secretBlock, "Mon Feb 10 18:30:13 UTC 2025", sign(PASSWORD)));
        }

        @Test
        void aTamperedSecretBlock() {
            assertFalse(verify(POOL, USER, randomBase64(random), TIMESTAMP, sign(PASSWORD)));
        }

        @Test
        void anotherUser() {
            assertFalse(verify(POOL, USER + "x", secretBlock, TIMESTAMP, sign(PASSWORD)));
        }

        @Test
        void anotherPool() {
            assertFalse(verify(POOL + "x", USER, secretBlock, TIMESTAMP, sign(PASSWORD)));
        }

        @ParameterizedTest(name = "[{index}] signature \"{0}\"")
        @CsvSource({"not*base64", "''", "AAAA"})
        void aSignatureThatIsNotOne(String signature) {
            assertFalse(verify(POOL, USER, secretBlock, TIMESTAMP, signature));
        }

        @Test
        void aMissingSignature() {
            assertFalse(verify(POOL, USER, secretBlock, TIMESTAMP, null));
        }
    }

    @Nested
    class TheServerRefusesAnInvalidA {

        @ParameterizedTest(name = "[{index}] SRP_A = {0}·N")
        @CsvSource({"0", "1", "3"})
        void whenItIsZeroModuloN(int multiple) {
            String srpA = SrpGroup.N.multiply(BigInteger.valueOf(multiple)).toString(16);
            SrpException e = assertThrows(SrpException.class,
                    () -> server.verifyPasswordClaim(POOL, USER, srpA, secretBlock, TIMESTAMP, sign(PASSWORD)));
            assertEquals("SRP_A is invalid: it is zero modulo N", e.getMessage());
        }

        @Test
        void whenItIsNotHex() {
            SrpException e = assertThrows(SrpException.class,
                    () -> server.verifyPasswordClaim(POOL, USER, "A=?", secretBlock, TIMESTAMP, sign(PASSWORD)));
            assertEquals("SRP_A is not a hexadecimal number", e.getMessage());
        }
    }

    @Nested
    class TheServersPublicKey {

        @Test
        void isLowercaseHexBetweenOneAndN() {
            String hex = server.publicKeyHex();
            assertTrue(hex.matches("[0-9a-f]+"), "lowercase hex");
            BigInteger publicB = new BigInteger(hex, 16);
            assertTrue(publicB.signum() > 0 && publicB.compareTo(SrpGroup.N) < 0, "1 <= B < N");
        }

        @Test
        void isFreshForEachChallenge() {
            SrpVerifier verifier = SrpVerifier.create(POOL, USER, PASSWORD, random);
            assertNotEquals(SrpServer.start(verifier, random).publicKeyHex(), SrpServer.start(verifier, random).publicKeyHex());
        }
    }
}
