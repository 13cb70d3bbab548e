package dev.cogauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.protocol.CodeChallenge;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PkceTest {

    @Test
    void rfc7636_appendix_b_vector() {
        Pkce pkce = Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", pkce.challenge());
    }

    @Test
    void generated_verifiers_are_43_url_safe_characters_and_fresh() {
        SecureRandom random = new SecureRandom();
        Pkce first = Pkce.generate(random);
        Pkce second = Pkce.generate(random);
        assertEquals(43, first.verifier().length());
        assertTrue(first.verifier().matches("[A-Za-z0-9_-]+"), first.verifier());
        assertNotEquals(first.verifier(), second.verifier());
        assertEquals(CodeChallenge.s256(first.verifier()), first.challenge());
    }

    @ParameterizedTest
    @ValueSource(ints = {43, 128})
    void accepts_verifiers_at_the_length_bounds(int length) {
        assertEquals(length, Pkce.of("a".repeat(length)).verifier().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "a+b/c=ddddddddddddddddddddddddddddddddddddddddddddd"})
    void refuses_verifiers_rfc7636_does_not_allow(String verifier) {
        assertThrows(IllegalArgumentException.class, () -> Pkce.of(verifier));
        assertThrows(IllegalArgumentException.class, () -> Pkce.of("a".repeat(129)));
    }

    @Test
    void to_string_hides_the_verifier() {
        Pkce pkce = Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertTrue(!pkce.toString().contains(pkce.verifier()), pkce.toString());
    }
}
