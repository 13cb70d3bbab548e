package dev.cogauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeChallengeTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        // RFC 7636 appendix B
        "appendix B        |dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk|E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        // SHA-256 of 43 'a's, base64url without padding (openssl dgst -sha256 -binary | basenc --base64url)
        "43 times a        |aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|ZtNPunH49FD35FWYhT5Tv8I7vRKQJ8uxMaL0_9eHjNA",
    })
    void s256IsTheUnpaddedBase64urlOfTheSha256(String what, String verifier, String challenge) {
        assertEquals(challenge, CodeChallenge.s256(verifier), what);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "S256, the appendix B pair         |S256 |E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM|dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk|true",
        "S256, another verifier            |S256 |E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM|eBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk|false",
        "S256, the challenge as verifier   |S256 |E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM|E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM|false",
        "plain, the same text              |plain|dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk|dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk|true",
        "plain, the hash is not the text   |plain|E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM|dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk|false",
        // section 4.1: 43 to 128 unreserved characters, checked before anything is compared
        "plain, 42 characters              |plain|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa |aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa |false",
        "plain, a character not unreserved |plain|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+|false",
        "no verifier                       |S256 |E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM|                                           |false",
    })
    void aVerifierMatchesOnlyTheChallengeMadeFromIt(String what, String method, String challenge, String verifier,
                                                   boolean matches) {
        assertEquals(matches, CodeChallenge.matches(method, challenge, verifier), what);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "the appendix B verifier|dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk|true",
        "all unreserved marks   |abcdefghijklmnopqrstuvwxyz0123456789.-_~ABCD|true",
        "42 characters          |aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|false",
        "a slash                |aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/|false",
    })
    void aVerifierHasTheShapeOfSection41(String what, String verifier, boolean valid) {
        assertEquals(valid, CodeChallenge.isVerifier(verifier), what);
    }

    @ParameterizedTest(name = "[{index}] {0} characters")
    @CsvSource({"128, true", "129, false"})
    void aVerifierIsAtMost128Characters(int length, boolean valid) {
        assertEquals(valid, CodeChallenge.isVerifier("a".repeat(length)));
        assertEquals(valid, CodeChallenge.matches(CodeChallenge.PLAIN, "a".repeat(length), "a".repeat(length)));
        assertEquals(valid, CodeChallenge.matches(CodeChallenge.S256, CodeChallenge.s256("a".repeat(length)),
                "a".repeat(length)));
    }
}
