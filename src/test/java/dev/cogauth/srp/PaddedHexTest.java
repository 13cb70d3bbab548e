package dev.cogauth.srp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaddedHexTest {

    @Nested
    class PaddingAHexNumber {

        @ParameterizedTest(name = "[{index}] pad({0}) = {1}")
        @CsvSource({
                "123abc,   123abc",       // PROTOCOL.md vector 1: even length, first nibble < 8: unchanged
                "123abcd,  0123abcd",     // PROTOCOL.md vector 1: odd length gets a leading 0
                "8123abcd, 008123abcd",   // PROTOCOL.md vector 1: first nibble 8-f gets 00
                "f,        0f",           // odd length whose padded first nibble is 0
                "80,       0080",         // smallest one-byte value with the high bit set
                "0,        00",           // zero is one zero byte, like BigInteger.toByteArray()
        })
        void padsLikeCognito(String hex, String padded) {
            assertEquals(padded, PaddedHex.of(new BigInteger(hex, 16)));
        }

        @ParameterizedTest(name = "[{index}] bytes({0}) are BigInteger.toByteArray()")
        @ValueSource(strings = {"0", "7f", "80", "ff", "123abcd", "8123abcd"})
        void bytesAreTheTwosComplementBytesOfANonNegativeNumber(String hex) {
            BigInteger value = new BigInteger(hex, 16);
            assertArrayEquals(value.toByteArray(), PaddedHex.bytes(value));
        }

        @Test
        void refusesNegativeNumbers() {
            assertThrows(IllegalArgumentException.class, () -> PaddedHex.of(BigInteger.valueOf(-1)));
        }
    }

    @Nested
    class ParsingHexFromTheServer {

        @ParameterizedTest(name = "[{index}] parse({0}) = {1}")
        @CsvSource({
                "499602d2, 1234567890",   // PROTOCOL.md vector 1 SALT / SRP_B
                "499602D2, 1234567890",   // upper case is accepted too
                "00ff,     255",          // leading zero bytes carry no value
        })
        void readsUnsignedHex(String hex, String decimal) {
            assertEquals(new BigInteger(decimal), PaddedHex.parse(hex));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" is rejected")
        @ValueSource(strings = {"", "-1", "+1", "12g4", "0x12", " 12", "\u0663"})
        void rejectsAnythingButAsciiHexDigits(String hex) {
            SrpException e = assertThrows(SrpException.class, () -> PaddedHex.parse(hex, "SRP_B"));
            assertTrue(e.getMessage().startsWith("SRP_B "), e.getMessage());
        }

        @Test
        void rejectsNull() {
            assertThrows(SrpException.class, () -> PaddedHex.parse(null));
        }
    }
}
