package dev.cogauth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cogauth.api.AuthStep;
import dev.cogauth.protocol.AuthFlow;
import dev.cogauth.srp.Totp;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftwareTokenHandlerTest {
    /** RFC 6238's SHA-1 key, "12345678901234567890", in base32. */
    private static final String RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest(name = "[{index}] at {0} ms the code of step {1}")
    @CsvSource({
        "59000,  2",   // 1 s left in step 1 (30-59 s): the next step's code
        "57001,  2",   // 2.999 s left: still too little
        "56999,  1",   // 3.001 s left in step 1: its own code
        "30000,  1",
        "29999,  1",   // 1 ms left in step 0: step 1
        "27000,  0",   // exactly 3 s left: enough
    })
    void sendsTheNextStepsCodeWhenUnderThreeSecondsAreLeft(long epochMillis, long step) {
        assertEquals(Totp.code(Totp.decodeBase32(RFC_KEY), step),
                SoftwareTokenHandler.codeToSend(RFC_KEY, Instant.ofEpochMilli(epochMillis)));
    }

    @Test
    void withASecretTheCodeIsComputedNotAsked() {
        ScriptedCognito pool = new ScriptedCognito().thenChallenge("SOFTWARE_TOKEN_MFA", "s1", Map.of()).thenTokens();
        ScriptedPrompter nobody = new ScriptedPrompter();
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1111111111), ZoneOffset.UTC);
        SignInSettings settings = new SignInSettings("Pool", "client1", Optional.empty(), AuthFlow.USER_PASSWORD_AUTH,
                Optional.of("tess"), Optional.of("pw"), Map.of()).withFactors(Optional.empty(), Optional.of(RFC_KEY));

        new SignInFlow(pool, nobody, Trace.NONE, clock, new SecureRandom()).signIn(settings);

        assertEquals(List.of(), nobody.asked);
        assertEquals("050471", pool.calls.get(1).parameters().get("SOFTWARE_TOKEN_MFA_CODE"), "RFC 6238 vector");
    }

    @Test
    void withoutASecretTheCodeIsAskedFor() {
        ScriptedCognito pool = new ScriptedCognito()
                .then(call -> AuthStep.challenge("SOFTWARE_TOKEN_MFA", "s1", Map.of()))
                .thenTokens();
        ScriptedPrompter user = new ScriptedPrompter("123456");

        new SignInFlow(pool, user, Trace.NONE, SrpPoolSide.CLOCK, new SecureRandom()).signIn(new SignInSettings("Pool",
                "client1", Optional.empty(), AuthFlow.USER_PASSWORD_AUTH, Optional.of("tess"), Optional.of("pw"),
                Map.of()));

        assertEquals(List.of("Authenticator app code"), user.labels());
        assertEquals("123456", pool.calls.get(1).parameters().get("SOFTWARE_TOKEN_MFA_CODE"));
    }
}
