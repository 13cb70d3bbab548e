package dev.cogauth.srp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretHashTest {

    @ParameterizedTest(name = "[{index}] SECRET_HASH({0}, {1}, {2}) = {3}")
    @CsvSource({
            // PROTOCOL.md vector 3
            "clientSecret, test, 123abd, LoIX/oPJWZzFYv8liJYRo+CHv16FNDY10JlZEDjL3Vg=",
    })
    void matchesTheKnownAnswer(String secret, String username, String clientId, String expected) {
        assertEquals(expected, SecretHash.compute(secret, username, clientId));
    }

    @Test
    void dependsOnTheUsernameSentInThatCall() {
        assertNotEquals(SecretHash.compute("clientSecret", "test", "123abd"),
                SecretHash.compute("clientSecret", "Test", "123abd"));
    }
}
