package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeDestinationTest {

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource({
        // Amplify JS's tests carry Cognito's masks: j***@a*** for an email
        "jane@amazon.com, j***@a***",
        "a@b.c, a***@b***",
        // not an address: nothing of it is shown
        "@example.com, ***",
        "nobody, ***",
    })
    void masksAnEmailAsCognitoDoes(String email, String masked) {
        assertEquals(masked, CodeDestination.maskEmail(email));
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource({
        // PROTOCOL: +*******0123; one star per hidden digit, the last four shown
        "+15550100123, +*******0123",
        "+447700900123, +********0123",
        "+123, +123",
    })
    void masksAPhoneNumberAsCognitoDoes(String phone, String masked) {
        assertEquals(masked, CodeDestination.maskPhone(phone));
    }
}
