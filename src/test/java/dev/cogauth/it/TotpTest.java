package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test-side TOTP must be right, or the MFA ITs would prove nothing. */
class TotpTest {
    /** RFC 6238 appendix B's SHA1 seed: the ASCII "12345678901234567890". */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "[{index}] T={0}s -> {1}")
    @CsvSource({
        // RFC 6238 appendix B, SHA1 column, 8 digits.
        "59,          94287082",
        "1111111109,  07081804",
        "1111111111,  14050471",
        "1234567890,  89005924",
        "2000000000,  69279037",
        "20000000000, 65353130",
    })
    void matchesTheRfc6238Vectors(long epochSecond, String expected) {
        Totp totp = new Totp(RFC_SEED, 8, "HmacSHA1");
        assertEquals(expected, totp.codeAt(Instant.ofEpochSecond(epochSecond)), "RFC 6238 vector at T=" + epochSecond);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        // RFC 4648 section 10 test vectors.
        "MZXW6YTBOI======, foobar",
        "MZXW6YQ=,         foob",
        "my======,         f",
        "mzxw6ytboi,       foobar",
    })
    void decodesBase32(String encoded, String decoded) {
        assertArrayEquals(decoded.getBytes(StandardCharsets.US_ASCII), Totp.base32(encoded));
    }

    @ParameterizedTest
    @CsvSource({"ABC1", "A-B"})
    void rejectsCharactersOutsideTheBase32Alphabet(String bad) {
        assertThrows(IllegalArgumentException.class, () -> Totp.base32(bad));
    }

    @ParameterizedTest(name = "[{index}] 6-digit code at T={0}s")
    @CsvSource({"59", "1111111109"})
    void authenticatorCodesAreTheLastSixDigits(long epochSecond) {
        // With 6 digits RFC 4226 truncation keeps binary mod 10^6: the 8-digit code's tail.
        String eight = new Totp(RFC_SEED, 8, "HmacSHA1").codeAt(Instant.ofEpochSecond(epochSecond));
        String six = new Totp(RFC_SEED, 6, "HmacSHA1").codeAt(Instant.ofEpochSecond(epochSecond));
        assertEquals(eight.substring(2), six);
    }
}
