package dev.cogauth.srp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SrpGroupTest {

    @Test
    void primeIsTheRfc5054Group3072() {
        String hex = SrpGroup.N.toString(16);
        assertEquals(3072, SrpGroup.N.bitLength());
        assertTrue(hex.startsWith("ffffffffffffffffc90fdaa2"), "PROTOCOL.md: N starts FFFFFFFFFFFFFFFFC90FDAA2");
        assertTrue(hex.endsWith("a93ad2caffffffffffffffff"), "PROTOCOL.md: N ends A93AD2CAFFFFFFFFFFFFFFFF");
        assertTrue(SrpGroup.N.isProbablePrime(20), "N must be prime");
    }

    @Test
    void generatorIsTwo() {
        assertEquals(BigInteger.TWO, SrpGroup.G);
    }

    @Test
    void multiplierIsTheHashOfThePaddedGroup() {
        // PROTOCOL.md: k = H(pad(N) ‖ pad(g))
        assertEquals("538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6", SrpGroup.K.toString(16));
    }

    @ParameterizedTest(name = "[{index}] {0}·N is refused")
    @ValueSource(ints = {0, 1, 2})
    void refusesPublicKeysThatAreZeroModuloN(int multiple) {
        BigInteger key = SrpGroup.N.multiply(BigInteger.valueOf(multiple));
        SrpException e = assertThrows(SrpException.class, () -> SrpGroup.requireValidPublicKey(key, "SRP_B"));
        assertEquals("SRP_B is invalid: it is zero modulo N", e.getMessage());
    }

    @Test
    void acceptsOtherPublicKeys() {
        BigInteger key = SrpGroup.N.add(BigInteger.ONE);
        assertEquals(key, SrpGroup.requireValidPublicKey(key, "SRP_A"));
    }
}
