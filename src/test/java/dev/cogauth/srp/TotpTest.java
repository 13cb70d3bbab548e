package dev.cogauth.srp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238's SHA-1 key, "12345678901234567890", in base32. */
    private static final String RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest(name = "[{index}] T = {0} s → {1}")
    @CsvSource({
        // RFC 6238 appendix B, SHA-1 column: the last six of its eight digits (the same truncation, mod 10^6)
        "59,          287082",
        "1111111109,  081804",
        "1111111111,  050471",
        "1234567890,  005924",
        "2000000000,  279037",
        "20000000000, 353130",
    })
    void matchesTheRfc6238Vectors(long seconds, String code) {
        assertEquals(code, Totp.codeAt(RFC_KEY, Instant.ofEpochSecond(seconds)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource({
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        "gezdgnbvgy3tqojqgezdgnbvgy3tqojq",
        "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ",
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ====",
    })
    void base32IgnoresCaseSpacesAndPadding(String secret) {
        assertArrayEquals("12345678901234567890".getBytes(StandardCharsets.US_ASCII), Totp.decodeBase32(secret));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        // RFC 4648 section 10 test vectors
        "MZXW6YTBOI======, foobar",
        "MZXW6YQ=,         foob",
        "my======,         f",
        "mzxw6ytboi,       foobar",
    })
    void decodesTheRfc4648Vectors(String encoded, String decoded) {
        assertArrayEquals(decoded.getBytes(StandardCharsets.US_ASCII), Totp.decodeBase32(encoded));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource({"'A-B'", "'GEZDGNBV1'", "'ABC8'", "''", "'  '", "'A'", "'b='"})
    void aSecretOutsideTheAlphabetIsRefusedWithoutEchoingIt(String secret) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Totp.decodeBase32(secret));
        assertFalse(!secret.isBlank() && e.getMessage().contains(secret), e.getMessage());
    }
}
