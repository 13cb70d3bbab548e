package dev.cogauth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.api.SoftwareTokenAssociation;
import dev.cogauth.protocol.AuthFlow;
import dev.cogauth.srp.SecretHash;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SignInFlowTest {
    private static final String POOL_NAME = "AbCdEf123";
    private static final String CLIENT_ID = "client1";
    private static final String PASSWORD = "Corr3ct-Horse!";
    private static final Clock CLOCK = SrpPoolSide.CLOCK;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> trace = new ArrayList<>();

    private AuthenticationResult signIn(ScriptedCognito pool, ScriptedPrompter user, SignInSettings settings) {
        return new SignInFlow(pool, user, trace::add, CLOCK, RANDOM).signIn(settings);
    }

    private static SignInSettings settings(AuthFlow flow, String username) {
        return new SignInSettings(POOL_NAME, CLIENT_ID, Optional.empty(), flow, Optional.ofNullable(username),
                Optional.empty(), Map.of());
    }

    @Nested
    class CustomWithSrp {
        @Test
        void provesThePasswordThenAnswersEveryRound() {
            SrpPoolSide srp = new SrpPoolSide(POOL_NAME, "alice", PASSWORD);
            ScriptedCognito pool = new ScriptedCognito()
                    .then(call -> srp.passwordVerifier(call, "s1"))
                    .then(call -> {
                        srp.check(call);
                        return AuthStep.challenge("CUSTOM_CHALLENGE", "s2", Map.of("question", "What is 6 times 7?",
                                "USERNAME", "alice", "hint", "a number"));
                    })
                    .thenChallenge("CUSTOM_CHALLENGE", "s3", Map.of("question", "Favourite colour?", "USERNAME", "alice"))
                    .thenTokens();
            ScriptedPrompter user = new ScriptedPrompter(PASSWORD, "42", "blue");

            AuthenticationResult tokens = signIn(pool, user, settings(AuthFlow.CUSTOM_WITH_SRP, "alice"));

            assertEquals("id.token.x", tokens.idToken());
            assertEquals(List.of("Password", "What is 6 times 7?", "Favourite colour?"), user.labels());
            assertEquals(List.of(0, 1, 2), user.asked.stream().map(Prompt::round).toList());
            assertEquals(List.of("hint: a number"), user.asked.get(1).details(), "every public parameter but USERNAME");
            ScriptedCognito.Call initiate = pool.calls.get(0);
            assertEquals("CUSTOM_AUTH", initiate.name());
            assertEquals("SRP_A", initiate.parameters().get("CHALLENGE_NAME"));
            assertTrue(initiate.parameters().get("SRP_A").matches("[0-9a-f]+"));
            assertEquals(Arrays.asList(null, "s1", "s2", "s3"), pool.calls.stream().map(ScriptedCognito.Call::session).toList());
            assertEquals("42", pool.calls.get(2).parameters().get("ANSWER"));
            assertEquals("blue", pool.calls.get(3).parameters().get("ANSWER"));
        }

        @Test
        void aWrongPasswordIsRefusedByTheRealSrpCheck() {
            SrpPoolSide srp = new SrpPoolSide(POOL_NAME, "alice", PASSWORD);
            ScriptedCognito pool = new ScriptedCognito()
                    .then(call -> srp.passwordVerifier(call, "s1"))
                    .then(call -> {
                        srp.check(call);
                        return AuthStep.signedIn(ScriptedCognito.tokens());
                    });
            CognitoServiceException refused = assertThrows(CognitoServiceException.class,
                    () -> signIn(pool, new ScriptedPrompter("wrong"), settings(AuthFlow.CUSTOM_WITH_SRP, "alice")));
            assertEquals("NotAuthorizedException", refused.errorType());
        }

        @Test
        void aWrongAnswerLoopsWithTheNewestSession() {
            ScriptedCognito pool = new ScriptedCognito()
                    .thenChallenge("CUSTOM_CHALLENGE", "s1", Map.of("question", "6x7?"))
                    .thenChallenge("CUSTOM_CHALLENGE", "s2", Map.of("question", "6x7?"))
                    .thenTokens();
            ScriptedPrompter user = new ScriptedPrompter("41", "42");

            signIn(pool, user, settings(AuthFlow.CUSTOM_WITH_SRP, "bob"));

            assertEquals("s1", pool.calls.get(1).session());
            assertEquals("41", pool.calls.get(1).parameters().get("ANSWER"));
            assertEquals("s2", pool.calls.get(2).session(), "the second answer goes with the new session");
            assertEquals("42", pool.calls.get(2).parameters().get("ANSWER"));
            assertEquals(List.of(1, 2), user.asked.stream().map(Prompt::round).toList());
        }

        @Test
        void aPasswordlessDefineTriggerIsNeverAskedForAPassword() {
            ScriptedCognito pool = new ScriptedCognito()
                    .thenChallenge("CUSTOM_CHALLENGE", "s1", Map.of("USERNAME", "carol", "code", "sent by email"))
                    .thenTokens();
            ScriptedPrompter user = new ScriptedPrompter("123456");

            signIn(pool, user, settings(AuthFlow.CUSTOM_WITH_SRP, "carol"));

            assertEquals(List.of(PromptKind.ANSWER), user.asked.stream().map(Prompt::kind).toList());
            assertEquals("Answer", user.asked.get(0).label());
            assertEquals(List.of("code: sent by email"), user.asked.get(0).details());
        }

        @Test
        void anEmailAliasContinuesUnderTheInternalUserId() {
            SrpPoolSide srp = new SrpPoolSide(POOL_NAME, "8c1f6a52-uuid", PASSWORD);
            ScriptedCognito pool = new ScriptedCognito()
                    .then(call -> srp.passwordVerifier(call, "s1"))
                    .then(call -> {
                        srp.check(call);
                        return AuthStep.challenge("CUSTOM_CHALLENGE", "s2", Map.of("USERNAME", "8c1f6a52-uuid",
                                "question", "q"));
                    })
                    .thenTokens();

            signIn(pool, new ScriptedPrompter(PASSWORD, "a"), settings(AuthFlow.CUSTOM_WITH_SRP, "dave@example.com"));

            assertEquals("dave@example.com", pool.calls.get(0).parameters().get("USERNAME"));
            assertEquals("8c1f6a52-uuid", pool.calls.get(1).parameters().get("USERNAME"));
            assertEquals("8c1f6a52-uuid", pool.calls.get(2).parameters().get("USERNAME"));
        }
    }

    @Test
    void customWithoutSrpSendsOnlyTheUsername() {
        ScriptedCognito pool = new ScriptedCognito()
                .thenChallenge("CUSTOM_CHALLENGE", "s1", Map.of("question", "q"))
                .thenTokens();

        signIn(pool, new ScriptedPrompter("erin", "a"), settings(AuthFlow.CUSTOM_WITHOUT_SRP, null));

        assertEquals(Map.of("USERNAME", "erin"), pool.calls.get(0).parameters());
        assertEquals("CUSTOM_AUTH", pool.calls.get(0).name());
    }

    @Test
    void userPasswordAuthAsksForThePasswordFirst() {
        ScriptedCognito pool = new ScriptedCognito().thenTokens();
        ScriptedPrompter user = new ScriptedPrompter("frank", PASSWORD);

        signIn(pool, user, settings(AuthFlow.USER_PASSWORD_AUTH, null));

        assertEquals(List.of(PromptKind.USERNAME, PromptKind.PASSWORD), user.asked.stream().map(Prompt::kind).toList());
        assertEquals(Map.of("USERNAME", "frank", "PASSWORD", PASSWORD), pool.calls.get(0).parameters());
    }

    @Test
    void aPresetPasswordIsUsedWithoutAsking() {
        ScriptedCognito pool = new ScriptedCognito().thenTokens();
        SignInSettings settings = new SignInSettings(POOL_NAME, CLIENT_ID, Optional.empty(),
                AuthFlow.USER_PASSWORD_AUTH, Optional.of("gina"), Optional.of(PASSWORD), Map.of());

        signIn(pool, new ScriptedPrompter(), settings);

        assertEquals(PASSWORD, pool.calls.get(0).parameters().get("PASSWORD"));
    }

    @Test
    void aSecretClientHashesTheUsernameOfEachCall() {
        SrpPoolSide srp = new SrpPoolSide(POOL_NAME, "internal-id", PASSWORD);
        ScriptedCognito pool = new ScriptedCognito()
                .then(call -> srp.passwordVerifier(call, "s1"))
                .then(call -> {
                    srp.check(call);
                    return AuthStep.challenge("CUSTOM_CHALLENGE", "s2", Map.of("USERNAME", "internal-id"));
                })
                .thenTokens();
        SignInSettings settings = new SignInSettings(POOL_NAME, CLIENT_ID, Optional.of("s3cret"),
                AuthFlow.CUSTOM_WITH_SRP, Optional.of("typed@example.com"), Optional.of(PASSWORD), Map.of());

        signIn(pool, new ScriptedPrompter("a"), settings);

        for (ScriptedCognito.Call call : pool.calls) {
            String username = call.parameters().get("USERNAME");
            assertEquals(SecretHash.compute("s3cret", username, CLIENT_ID), call.parameters().get("SECRET_HASH"),
                    call.operation() + " " + call.name());
        }
        assertEquals("typed@example.com", pool.calls.get(0).parameters().get("USERNAME"));
    }

    @Test
    void clientMetadataGoesOnEveryCall() {
        ScriptedCognito pool = new ScriptedCognito()
                .thenChallenge("CUSTOM_CHALLENGE", "s1", Map.of())
                .thenTokens();
        SignInSettings settings = new SignInSettings(POOL_NAME, CLIENT_ID, Optional.empty(), AuthFlow.CUSTOM_WITH_SRP,
                Optional.of("hank"), Optional.empty(), Map.of("captcha", "ok", "source", "ci"));

        signIn(pool, new ScriptedPrompter("a"), settings);

        assertEquals(2, pool.calls.size());
        pool.calls.forEach(call -> assertEquals(Map.of("captcha", "ok", "source", "ci"), call.clientMetadata()));
    }

    @Test
    void newPasswordRequiredAsksOnlyForMissingRequiredAttributes() {
        ScriptedCognito pool = new ScriptedCognito()
                .thenChallenge("NEW_PASSWORD_REQUIRED", "s1", Map.of("USERNAME", "ivy",
                        "userAttributes", "{\"email\":\"ivy@example.com\",\"name\":\"\"}",
                        "requiredAttributes", "[\"userAttributes.email\",\"userAttributes.name\"]"))
                .thenTokens();
        ScriptedPrompter user = new ScriptedPrompter("N3w-Passw0rd!", "Ivy Example");

        signIn(pool, user, new SignInSettings(POOL_NAME, CLIENT_ID, Optional.empty(), AuthFlow.USER_PASSWORD_AUTH,
                Optional.of("ivy"), Optional.of(PASSWORD), Map.of()));

        assertTrue(user.asked.get(0).confirm(), "a new password is confirmed on a terminal");
        assertEquals(List.of(PromptKind.NEW_PASSWORD, PromptKind.ATTRIBUTE), user.asked.stream().map(Prompt::kind).toList());
        Map<String, String> sent = pool.calls.get(1).parameters();
        assertEquals("N3w-Passw0rd!", sent.get("NEW_PASSWORD"));
        assertEquals("Ivy Example", sent.get("userAttributes.name"));
        assertFalse(sent.containsKey("userAttributes.email"));
    }

    @Test
    void selectMfaTypeThenTheChosenCode() {
        ScriptedCognito pool = new ScriptedCognito()
                .thenChallenge("SELECT_MFA_TYPE", "s1", Map.of("MFAS_CAN_CHOOSE", "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]"))
                .thenChallenge("SOFTWARE_TOKEN_MFA", "s2", Map.of())
                .thenTokens();
        ScriptedPrompter user = new ScriptedPrompter("3", "totp", " 123456 ");

        signIn(pool, user, new SignInSettings(POOL_NAME, CLIENT_ID, Optional.empty(), AuthFlow.USER_PASSWORD_AUTH,
                Optional.of("jo"), Optional.of(PASSWORD), Map.of()));

        assertEquals("SOFTWARE_TOKEN_MFA", pool.calls.get(1).parameters().get("ANSWER"), "3 is out of range, asked again");
        assertEquals("123456", pool.calls.get(2).parameters().get("SOFTWARE_TOKEN_MFA_CODE"));
        assertEquals("SOFTWARE_TOKEN_MFA", pool.calls.get(2).name());
    }

    @Test
    void smsMfaShowsWhereTheCodeWent() {
        ScriptedCognito pool = new ScriptedCognito()
                .thenChallenge("SMS_MFA", "s1", Map.of("CODE_DELIVERY_DESTINATION", "+*******1234",
                        "CODE_DELIVERY_DELIVERY_MEDIUM", "SMS"))
                .thenTokens();
        ScriptedPrompter user = new ScriptedPrompter("654321");

        signIn(pool, user, new SignInSettings(POOL_NAME, CLIENT_ID, Optional.empty(), AuthFlow.USER_PASSWORD_AUTH,
                Optional.of("kim"), Optional.of(PASSWORD), Map.of()));

        assertEquals(List.of("Code sent by SMS to +*******1234"), user.asked.get(0).details());
        assertEquals("654321", pool.calls.get(1).parameters().get("SMS_MFA_CODE"));
    }

    @Test
    void mfaSetupAssociatesVerifiesAndAnswersWithTheVerifiedSession() {
        ScriptedCognito pool = new ScriptedCognito()
                .thenChallenge("MFA_SETUP", "s1", Map.of("MFAS_CAN_SETUP", "[\"SOFTWARE_TOKEN_MFA\"]"))
                .then(call -> new SoftwareTokenAssociation("JBSWY3DPEHPK3PXP", "s2"))
                .then(call -> "s3")
                .thenTokens();
        ScriptedPrompter user = new ScriptedPrompter("111222");

        signIn(pool, user, new SignInSettings(POOL_NAME, CLIENT_ID, Optional.empty(), AuthFlow.USER_PASSWORD_AUTH,
                Optional.of("lee"), Optional.of(PASSWORD), Map.of()));

        assertEquals("s1", pool.calls.get(1).session());
        assertEquals("s2", pool.calls.get(2).session());
        assertEquals("111222", pool.calls.get(2).parameters().get("UserCode"));
        assertEquals("MFA_SETUP", pool.calls.get(3).name());
        assertEquals("s3", pool.calls.get(3).session());
        assertTrue(user.shown.get(0).contains("otpauth://totp/AbCdEf123:lee?secret=JBSWY3DPEHPK3PXP&issuer=AbCdEf123"),
                user.shown.get(0));
        assertEquals(List.of("otpauth://totp/AbCdEf123:lee?secret=JBSWY3DPEHPK3PXP&issuer=AbCdEf123"), user.qrCodes);
    }

    @Test
    void anUnknownChallengeIsNamedInTheError() {
        ScriptedCognito pool = new ScriptedCognito().thenChallenge("FUTURE_CHALLENGE", "s1", Map.of());
        UnsupportedChallengeException error = assertThrows(UnsupportedChallengeException.class,
                () -> signIn(pool, new ScriptedPrompter(), settings(AuthFlow.CUSTOM_WITH_SRP, "max")));
        assertTrue(error.getMessage().contains("FUTURE_CHALLENGE"), error.getMessage());
    }

    @Test
    void passwordVerifierWithoutSrpStartIsAClearError() {
        ScriptedCognito pool = new ScriptedCognito().thenChallenge("PASSWORD_VERIFIER", "s1", Map.of());
        assertThrows(UnsupportedChallengeException.class,
                () -> signIn(pool, new ScriptedPrompter(), settings(AuthFlow.CUSTOM_WITHOUT_SRP, "ned")));
    }

    @Test
    void theTraceNamesStepsButNeverSecrets() {
        SrpPoolSide srp = new SrpPoolSide(POOL_NAME, "olga", PASSWORD);
        ScriptedCognito pool = new ScriptedCognito()
                .then(call -> srp.passwordVerifier(call, "session-AAA"))
                .then(call -> {
                    srp.check(call);
                    return AuthStep.challenge("CUSTOM_CHALLENGE", "session-BBB", Map.of("question", "q"));
                })
                .thenTokens();

        signIn(pool, new ScriptedPrompter(PASSWORD, "the-secret-answer"), settings(AuthFlow.CUSTOM_WITH_SRP, "olga"));

        String all = String.join("\n", trace);
        assertTrue(all.contains("PASSWORD_VERIFIER") && all.contains("CUSTOM_CHALLENGE") && all.contains("tokens"), all);
        for (String secret : List.of(PASSWORD, "the-secret-answer", "session-AAA", "session-BBB", "id.token.x",
                srp.secretBlock)) {
            assertFalse(all.contains(secret), "trace leaks " + secret);
        }
        assertNull(pool.calls.get(0).session());
    }
}
