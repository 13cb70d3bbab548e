package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirstFactorsTest {

    @ParameterizedTest(name = "[{index}] policy {0}, user {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # policy                            | user has (password email phone passkey) | offered
            PASSWORD                            | password                                | PASSWORD PASSWORD_SRP
            PASSWORD EMAIL_OTP SMS_OTP WEB_AUTHN| password email phone passkey            | PASSWORD PASSWORD_SRP EMAIL_OTP SMS_OTP WEB_AUTHN
            # the policy's order, not a fixed one
            WEB_AUTHN SMS_OTP EMAIL_OTP PASSWORD| password email phone passkey            | WEB_AUTHN SMS_OTP EMAIL_OTP PASSWORD PASSWORD_SRP
            # no password factors without a password, no code without the address
            PASSWORD EMAIL_OTP SMS_OTP WEB_AUTHN| email                                   | EMAIL_OTP
            PASSWORD EMAIL_OTP SMS_OTP WEB_AUTHN| phone                                   | SMS_OTP
            # what the user could do but the policy does not allow
            EMAIL_OTP                           | password email phone passkey            | EMAIL_OTP
            PASSWORD                            | email                                   | ''
            """)
    void offersWhatThePolicyAllowsAndTheUserCanDo(String policy, String has, String offered) {
        List<String> abilities = Arrays.asList(has.split(" "));
        FirstFactors.Abilities user = new FirstFactors.Abilities(abilities.contains("password"),
                abilities.contains("email"), abilities.contains("phone"), abilities.contains("passkey"));
        List<String> expected = offered.isEmpty() ? List.of() : List.of(offered.split(" "));
        assertEquals(expected, FirstFactors.available(List.of(policy.trim().split(" ")), user));
    }
}
