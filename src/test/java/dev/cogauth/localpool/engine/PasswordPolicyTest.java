package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Cognito's password policy and its InvalidPasswordException wording, default policy. */
class PasswordPolicyTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Str0ng-Passw0rd!  | -
            Sh0rt!            | Password did not conform with policy: Password not long enough
            lowercase1!       | Password did not conform with policy: Password must have uppercase characters
            UPPERCASE1!       | Password did not conform with policy: Password must have lowercase characters
            NoNumbers!        | Password did not conform with policy: Password must have numeric characters
            NoSymbols1A       | Password did not conform with policy: Password must have symbol characters
            'With Space1'     | -
            """)
    void cognitosDefault(String password, String problem) {
        assertEquals(problem, PasswordPolicy.COGNITO_DEFAULT.problem(password).orElse(null));
    }

    @Test
    void aLaxerPolicyAndTemporaryPasswordsThatPassIt() {
        PasswordPolicy lax = new PasswordPolicy(6, false, false, false, false, 7);
        assertTrue(lax.problem("abcdef").isEmpty());
        for (int i = 0; i < 100; i++) {
            String temporary = PasswordPolicy.COGNITO_DEFAULT.temporaryPassword(new SecureRandom());
            assertEquals(null, PasswordPolicy.COGNITO_DEFAULT.problem(temporary).orElse(null), temporary);
        }
    }
}
