package dev.cogauth.protocol;

import java.util.Map;
import java.util.Optional;

/**
 * The ChallengeResponses key each code challenge takes its code under: the client answers
 * with it and the pool reads it, so both ask here. Pure.
 */
public final class CodeAnswer {
    private static final Map<String, String> KEYS = Map.of(
            ChallengeName.SMS_MFA, Param.SMS_MFA_CODE,
            ChallengeName.SOFTWARE_TOKEN_MFA, Param.SOFTWARE_TOKEN_MFA_CODE,
            ChallengeName.EMAIL_OTP, Param.EMAIL_OTP_CODE,
            ChallengeName.SMS_OTP, Param.SMS_OTP_CODE);

    private CodeAnswer() {
    }

    /** The key for {@code challengeName}'s code; empty when the challenge does not ask for a code. */
    public static Optional<String> keyFor(String challengeName) {
        return Optional.ofNullable(challengeName).map(KEYS::get);
    }
}
