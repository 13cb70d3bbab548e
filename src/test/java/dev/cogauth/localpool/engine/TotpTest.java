package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238's SHA-1 key, "12345678901234567890", in base32. */
    private static final String RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest(name = "[{index}] T = {0} s → {1}")
    @CsvSource({
        // RFC 6238 appendix B, SHA-1 column, last six of the eight digits
        "59,          287082",
        "1111111109,  081804",
        "1111111111,  050471",
        "1234567890,  005924",
        "2000000000,  279037",
    })
    void matchesTheRfc6238Vectors(long seconds, String code) {
        assertEquals(code, Totp.code(RFC_KEY, Instant.ofEpochSecond(seconds)));
    }

    @Test
    void acceptsOneStepOfDriftEitherWayButNotTwo() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        assertTrue(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, now.minusSeconds(30)), now));
        assertTrue(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, now.plusSeconds(30)), now));
        String twoStepsOld = Totp.code(RFC_KEY, now.minusSeconds(60));
        boolean collides = twoStepsOld.equals(Totp.code(RFC_KEY, now))
                || twoStepsOld.equals(Totp.code(RFC_KEY, now.minusSeconds(30)))
                || twoStepsOld.equals(Totp.code(RFC_KEY, now.plusSeconds(30)));
        assertEquals(collides, Totp.verify(RFC_KEY, twoStepsOld, now));
        assertFalse(Totp.verify(RFC_KEY, "12345", now));
        assertFalse(Totp.verify(RFC_KEY, null, now));
    }

    @Test
    void newSecretsAre32Base32CharactersThatDecodeTo20Bytes() {
        String secret = Totp.newSecret(new SecureRandom());
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        assertEquals(20, Totp.decode(secret).length);
        assertArrayEquals("12345678901234567890".getBytes(StandardCharsets.US_ASCII), Totp.decode(RFC_KEY));
    }
}
