package dev.cogauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeAnswerTest {

    // The keys as the RespondToAuthChallenge API reference spells them per ChallengeName.
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "SMS_MFA,            SMS_MFA_CODE",
        "SOFTWARE_TOKEN_MFA, SOFTWARE_TOKEN_MFA_CODE",
        "EMAIL_OTP,          EMAIL_OTP_CODE",
        "SMS_OTP,            SMS_OTP_CODE",
        "PASSWORD_VERIFIER,",
        "CUSTOM_CHALLENGE,",
        "SELECT_MFA_TYPE,",
        "MFA_SETUP,",
        "sms_mfa,",
        ",",
    })
    void eachCodeChallengeHasItsOwnKeyAndNoOtherChallengeHasOne(String challengeName, String key) {
        assertEquals(Optional.ofNullable(key), CodeAnswer.keyFor(challengeName), String.valueOf(challengeName));
    }
}
