package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ListUsers' Filter, as Cognito documents it: {@code attr = "v"}, {@code attr ^= "v"}, searchable attributes only. */
class UserFilterTest {

    private static final Map<String, String> ANN = Map.of("username", "ann", "email", "ann@example.com",
            "cognito:user_status", "CONFIRMED", "status", "Enabled", "sub", "1234");

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            email = "ann@example.com"       | true
            email = "ann"                   | false
            email ^= "ann"                  | true
            email ^= "bob"                  | false
            username="ann"                  | true
            '  username   ^=   ""  '        | true
            cognito:user_status = "CONFIRMED" | true
            status = "Disabled"             | false
            phone_number ^= "+1"            | false
            ''                              | true
            """)
    void matches(String filter, boolean expected) {
        assertEquals(expected, UserFilter.parse(filter).test(ANN));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            email == "ann"                  | Error while parsing filter.
            email = ann                     | Error while parsing filter.
            email = "a" and name = "b"      | Error while parsing filter.
            custom:team = "blue"            | Invalid search attribute: custom:team
            """)
    void refuses(String filter, String message) {
        CognitoError refused = assertThrows(CognitoError.class, () -> UserFilter.parse(filter));
        assertEquals("InvalidParameterException", refused.type());
        assertEquals(message, refused.getMessage());
    }
}
