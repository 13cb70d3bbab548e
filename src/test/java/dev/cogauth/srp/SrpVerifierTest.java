package dev.cogauth.srp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SrpVerifierTest {

    private final SecureRandom random = new SecureRandom();

    @Nested
    class CreatingAVerifier {

        @Test
        void drawsASixteenByteSaltInPaddedHex() {
            SrpVerifier verifier = SrpVerifier.create("pool", "user", "pw", random);
            BigInteger salt = PaddedHex.parse(verifier.saltHex());
            assertEquals(PaddedHex.of(salt), verifier.saltHex(), "salt is padded hex");
            assertTrue(salt.bitLength() <= 128, "at most 16 random bytes");
        }

        @Test
        void drawsAFreshSaltEachTime() {
            SrpVerifier first = SrpVerifier.create("pool", "user", "pw", random);
            SrpVerifier second = SrpVerifier.create("pool", "user", "pw", random);
            assertNotEquals(first.saltHex(), second.saltHex());
            assertNotEquals(first.verifier(), second.verifier());
        }

        @Test
        void neverPrintsTheVerifier() {
            SrpVerifier verifier = SrpVerifier.create("pool", "user", "pw", random);
            String text = verifier.toString();
            assertFalse(text.contains(verifier.verifierHex()), text);
            assertFalse(text.contains(verifier.verifier().toString()), text);
        }
    }

    @Nested
    class CheckingAPlainPassword {

        @Test
        void acceptsOnlyThePasswordItWasMadeFromForThatUserAndPool() {
            SrpVerifier verifier = SrpVerifier.create("pool", "user", "Corr3ct-Horse", random);
            assertTrue(verifier.matches("pool", "user", "Corr3ct-Horse"));
            assertFalse(verifier.matches("pool", "user", "corr3ct-horse"), "another password");
            assertFalse(verifier.matches("pool", "other", "Corr3ct-Horse"), "another user");
            assertFalse(verifier.matches("other", "user", "Corr3ct-Horse"), "another pool");
        }
    }

    @Nested
    class ReadingAStoredVerifier {

        @Test
        void fromBase64ReadsWhatConfirmDeviceCarries() {
            SrpVerifier original = SrpVerifier.create("group", "device", "pw", random);
            Base64.Encoder base64 = Base64.getEncoder();
            SrpVerifier read = SrpVerifier.fromBase64(
                    base64.encodeToString(PaddedHex.bytes(PaddedHex.parse(original.saltHex()))),
                    base64.encodeToString(PaddedHex.bytes(original.verifier())));
            assertEquals(original, read);
        }

        @ParameterizedTest(name = "[{index}] Salt={0}, PasswordVerifier={1} -> {2}")
        @CsvSource({
                "'*',  AQ==, Salt is not valid base64",
                "AQ==, '*',  PasswordVerifier is not valid base64",
                "'',   AQ==, Salt is empty",
                "AQ==, '',   verifier is not between 1 and N - 1",
        })
        void fromBase64RejectsBadInput(String salt, String verifier, String message) {
            SrpException e = assertThrows(SrpException.class, () -> SrpVerifier.fromBase64(salt, verifier));
            assertEquals(message, e.getMessage());
        }

        @Test
        void rejectsAVerifierOutsideTheGroup() {
            assertThrows(SrpException.class, () -> new SrpVerifier("01", BigInteger.ZERO));
            assertThrows(SrpException.class, () -> new SrpVerifier("01", SrpGroup.N));
        }

        @Test
        void rejectsASaltThatIsNotHex() {
            SrpException e = assertThrows(SrpException.class, () -> new SrpVerifier("zz", BigInteger.TWO));
            assertEquals("salt is not a hexadecimal number", e.getMessage());
        }
    }
}
