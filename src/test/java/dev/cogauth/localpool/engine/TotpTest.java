package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pool's side; the code computation itself is tested against RFC 6238 in srp.TotpTest. */
class TotpTest {

    /** RFC 6238's SHA-1 key, "12345678901234567890", in base32. */
    private static final String RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private static String code(Instant at) {
        return dev.cogauth.srp.Totp.codeAt(RFC_KEY, at);
    }

    @Test
    void acceptsOneStepOfDriftEitherWayButNotTwo() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        assertTrue(Totp.verify(RFC_KEY, code(now.minusSeconds(30)), now));
        assertTrue(Totp.verify(RFC_KEY, code(now.plusSeconds(30)), now));
        String twoStepsOld = code(now.minusSeconds(60));
        boolean collides = twoStepsOld.equals(code(now)) || twoStepsOld.equals(code(now.minusSeconds(30)))
                || twoStepsOld.equals(code(now.plusSeconds(30)));
        assertEquals(collides, Totp.verify(RFC_KEY, twoStepsOld, now));
        assertFalse(Totp.verify(RFC_KEY, "12345", now));
        assertFalse(Totp.verify(RFC_KEY, null, now));
    }

    @Test
    void newSecretsAre32Base32CharactersThatDecodeTo20Bytes() {
        String secret = Totp.newSecret(new SecureRandom());
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        assertEquals(20, dev.cogauth.srp.Totp.decodeBase32(secret).length);
    }
}
