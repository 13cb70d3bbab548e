package dev.cogauth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.protocol.AuthFlow;
import dev.cogauth.srp.SecretHash;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The choice-based flow (USER_AUTH) against a scripted pool: preferences, the selection, codes, passkeys. */
class UserAuthFlowTest {
    private static final String POOL_NAME = "AbCdEf123";
    private static final String CLIENT_ID = "client1";
    private static final String PASSWORD = "Corr3ct-Horse!";
    private static final List<String> OFFERED = List.of("EMAIL_OTP", "SMS_OTP", "PASSWORD", "PASSWORD_SRP", "WEB_AUTHN");
    private static final Map<String, String> EMAIL_SENT = Map.of("CODE_DELIVERY_DESTINATION", "a***@e***",
            "CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL");
    private static final Map<String, String> SMS_SENT = Map.of("CODE_DELIVERY_DESTINATION", "+*******0123",
            "CODE_DELIVERY_DELIVERY_MEDIUM", "SMS");

    private final List<String> trace = new ArrayList<>();

    private void signIn(ScriptedCognito pool, ScriptedPrompter user, SignInSettings settings) {
        new SignInFlow(pool, user, trace::add, SrpPoolSide.CLOCK, new SecureRandom()).signIn(settings);
    }

    private static SignInSettings settings(String preferred) {
        return new SignInSettings(POOL_NAME, CLIENT_ID, Optional.empty(), AuthFlow.USER_AUTH, Optional.of("alice"),
                Optional.empty(), Map.of()).withFactors(Optional.ofNullable(preferred), Optional.empty());
    }

    private static AuthStep selection(String session) {
        return AuthStep.challenge("SELECT_CHALLENGE", session, Map.of(), OFFERED);
    }

    @ParameterizedTest(name = "[{index}] {0} answered with {2}")
    @CsvSource({
        "EMAIL_OTP, Email code, EMAIL_OTP_CODE, Code sent by email to a***@e***",
        "SMS_OTP,   SMS code,   SMS_OTP_CODE,   Code sent by SMS to +*******0123",
    })
    void aPreferredCodeFactorIsAskedForWithWhereTheCodeWent(String factor, String label, String responseKey,
                                                            String where) {
        ScriptedCognito pool = new ScriptedCognito()
                .thenChallenge(factor, "s1", factor.equals("EMAIL_OTP") ? EMAIL_SENT : SMS_SENT)
                .thenTokens();
        ScriptedPrompter user = new ScriptedPrompter(" 12345678 ");

        signIn(pool, user, settings(factor));

        ScriptedCognito.Call initiate = pool.calls.get(0);
        assertEquals("USER_AUTH", initiate.name());
        assertEquals(Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", factor), initiate.parameters());
        assertEquals(List.of(label), user.labels());
        assertEquals(List.of(where), user.asked.get(0).details());
        ScriptedCognito.Call answer = pool.calls.get(1);
        assertEquals(factor, answer.name());
        assertEquals("s1", answer.session());
        assertEquals(Map.of("USERNAME", "alice", responseKey, "12345678"), answer.parameters());
    }

    @Test
    void aPreferredPasswordGoesInTheInitiateAuthItself() {
        ScriptedCognito pool = new ScriptedCognito().thenTokens();
        ScriptedPrompter user = new ScriptedPrompter(PASSWORD);

        signIn(pool, user, settings("PASSWORD"));

        assertEquals(Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD),
                pool.calls.get(0).parameters());
        assertEquals(1, pool.calls.size());
    }

    @Test
    void aPreferredSrpPasswordSendsSrpAFirstAndProvesThePasswordForReal() {
        ScriptedCognito pool = new SrpPoolSide(POOL_NAME, "alice", PASSWORD).thenProof(new ScriptedCognito(), "s1");

        signIn(pool, new ScriptedPrompter(PASSWORD), settings("PASSWORD_SRP"));

        assertEquals(Set.of("USERNAME", "PREFERRED_CHALLENGE", "SRP_A"), pool.calls.get(0).parameters().keySet());
        assertEquals("PASSWORD_VERIFIER", pool.calls.get(1).name());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" chooses {1}")
    @CsvSource(delimiter = '|', value = {
        "1          | EMAIL_OTP",
        "' 2 '      | SMS_OTP",
        "email_otp  | EMAIL_OTP",
        "Sms-Otp    | SMS_OTP",
        "5          | WEB_AUTHN",
    })
    void aChoiceIsANameInAnyCaseOrANumberInThePoolsOrder(String typed, String factor) {
        assertEquals(factor, FirstFactors.choose(typed, OFFERED));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is no choice")
    @CsvSource(delimiter = '|', value = {"0", "6", "-1", "''", "email", "CUSTOM_CHALLENGE"})
    void anythingElseIsNoChoice(String typed) {
        assertEquals(null, FirstFactors.choose(typed, OFFERED));
    }

    @Test
    void theMenuListsTheOfferedFactorsInThePoolsOrderWithPlainNames() {
        ScriptedCognito pool = new ScriptedCognito()
                .then(call -> AuthStep.challenge("SELECT_CHALLENGE", "s1", Map.of(),
                        List.of("PASSWORD_SRP", "WEB_AUTHN", "EMAIL_OTP", "SMS_OTP", "PASSWORD")))
                .thenChallenge("EMAIL_OTP", "s2", EMAIL_SENT)
                .thenTokens();
        ScriptedPrompter user = new ScriptedPrompter("3", "123456");

        signIn(pool, user, settings(null));

        Prompt menu = user.asked.get(0);
        assertEquals(PromptKind.CHOICE, menu.kind());
        assertEquals(List.of("password (SRP, never sent)", "passkey (not usable here)", "a code by email",
                "a code by SMS", "password"), menu.choices());
        assertEquals("3) a code by email", menu.details().get(2));
        assertEquals(new PromptContext("SELECT_CHALLENGE", "alice", 1, Map.of(),
                List.of("PASSWORD_SRP", "WEB_AUTHN", "EMAIL_OTP", "SMS_OTP", "PASSWORD")), menu.context());
        assertEquals(Map.of("USERNAME", "alice"), pool.calls.get(0).parameters(), "no preference sent");
        assertEquals(Map.of("USERNAME", "alice", "ANSWER", "EMAIL_OTP"), pool.calls.get(1).parameters());
        assertEquals("s1", pool.calls.get(1).session());
        assertEquals(new PromptContext("EMAIL_OTP", "alice", 1, EMAIL_SENT, List.of()), user.asked.get(1).context());
    }

    @Test
    void choosingThePasswordSendsItWithTheChoice() {
        ScriptedCognito pool = new ScriptedCognito().then(call -> selection("s1")).thenTokens();

        signIn(pool, new ScriptedPrompter("password", PASSWORD), settings(null));

        assertEquals(Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD", PASSWORD),
                pool.calls.get(1).parameters());
    }

    @Test
    void choosingSrpSendsSrpAWithTheChoiceThenProvesThePassword() {
        ScriptedCognito pool = new SrpPoolSide(POOL_NAME, "alice", PASSWORD)
                .thenProof(new ScriptedCognito().then(call -> selection("s1")), "s2");

        signIn(pool, new ScriptedPrompter("4", PASSWORD), settings(null));

        assertEquals("PASSWORD_SRP", pool.calls.get(1).parameters().get("ANSWER"));
        assertEquals(List.of("USER_AUTH", "SELECT_CHALLENGE", "PASSWORD_VERIFIER"),
                pool.calls.stream().map(ScriptedCognito.Call::name).toList());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"EMAIL_OTP, EMAIL_OTP", "'SMS_OTP,WEB_AUTHN', SMS_OTP", "'WEB_AUTHN,EMAIL_OTP', EMAIL_OTP"})
    void oneUsableFactorIsChosenWithoutAMenu(String offered, String chosen) {
        ScriptedCognito pool = new ScriptedCognito().then(call -> AuthStep.challenge("SELECT_CHALLENGE", "s1", Map.of(),
                List.of(offered.split(",")))).thenChallenge(chosen, "s2", EMAIL_SENT).thenTokens();
        ScriptedPrompter user = new ScriptedPrompter("12345678");

        signIn(pool, user, settings(null));

        assertEquals(Map.of("USERNAME", "alice", "ANSWER", chosen), pool.calls.get(1).parameters());
        assertEquals(List.of(chosen.equals("SMS_OTP") ? "SMS code" : "Email code"), user.labels(), "no menu");
        assertTrue(trace.contains("the pool offered one usable factor, " + chosen + ": chosen without asking"),
                trace::toString);
    }

    @Test
    void aWrongChoiceIsAskedAgain() {
        ScriptedCognito pool = new ScriptedCognito().then(call -> selection("s1")).thenTokens();
        ScriptedPrompter user = new ScriptedPrompter("9", "PASSWORD", PASSWORD);

        signIn(pool, user, settings(null));

        assertTrue(user.shown.get(0).startsWith("Not one of the choices: type a number from 1 to 5"), user.shown::toString);
        assertEquals(List.of("Sign in with", "Sign in with", "Password"), user.labels());
        assertEquals(2, user.asked.get(1).context().round(), "the second question about the same challenge");
    }

    @Test
    void choosingThePasskeyStopsWithOneLineNamingTheOtherFactors() {
        ScriptedCognito pool = new ScriptedCognito().then(call -> selection("s1"));

        UnsupportedChallengeException refused = assertThrows(UnsupportedChallengeException.class,
                () -> signIn(pool, new ScriptedPrompter("web_authn"), settings(null)));

        assertEquals("passkeys (WEB_AUTHN) need a browser and cannot be used from cogauth; the pool also offered"
                + " EMAIL_OTP, SMS_OTP, PASSWORD, PASSWORD_SRP: choose one with --preferred-challenge",
                refused.getMessage());
        assertEquals(1, pool.calls.size(), "nothing is sent for a factor that cannot be answered");
    }

    @Test
    void aPreferredPasskeyIsRefusedNamingWhatThePoolOffersInstead() {
        ScriptedCognito pool = new ScriptedCognito().then(call -> AuthStep.challenge("SELECT_CHALLENGE", "s1", Map.of(),
                List.of("WEB_AUTHN", "EMAIL_OTP")));

        UnsupportedChallengeException refused = assertThrows(UnsupportedChallengeException.class,
                () -> signIn(pool, new ScriptedPrompter(), settings("WEB_AUTHN")));

        assertTrue(refused.getMessage().endsWith("the pool also offered EMAIL_OTP: choose one with --preferred-challenge"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"));
        assertEquals(Map.of("USERNAME", "alice"), pool.calls.get(0).parameters(), "the offer is asked for instead");
        assertEquals(1, pool.calls.size());
    }

    @Test
    void aPasskeyChallengeIsRefusedEvenUnasked() {
        ScriptedCognito pool = new ScriptedCognito().thenChallenge("WEB_AUTHN", "s1",
                Map.of("CREDENTIAL_REQUEST_OPTIONS", "{\"challenge\":\"abc\"}"));

        UnsupportedChallengeException refused = assertThrows(UnsupportedChallengeException.class,
                () -> signIn(pool, new ScriptedPrompter(), settings(null)));

        assertTrue(refused.getMessage().startsWith("passkeys (WEB_AUTHN) need a browser"), refused.getMessage());
    }

    private static Object mismatch(ScriptedCognito.Call call) {
        throw new CognitoServiceException("CodeMismatchException", "Invalid code or auth state for the user.", 400);
    }

    @Test
    void aWrongCodeMayBeTypedAgainInTheSameSession() {
        ScriptedCognito pool = new ScriptedCognito().thenChallenge("EMAIL_OTP", "s1", EMAIL_SENT)
                .then(UserAuthFlowTest::mismatch).thenTokens();
        ScriptedPrompter user = new ScriptedPrompter("00000000", "12345678");

        signIn(pool, user, settings("EMAIL_OTP"));

        assertEquals(List.of("The pool refused the code: Invalid code or auth state for the user."), user.shown);
        assertEquals(List.of("s1", "s1"), pool.calls.subList(1, 3).stream().map(ScriptedCognito.Call::session).toList());
        assertEquals("12345678", pool.calls.get(2).parameters().get("EMAIL_OTP_CODE"));
        assertEquals(2, user.asked.get(1).context().round());
    }

    @Test
    void aWrongCodeWithNoFurtherInputIsThePoolsRefusal() {
        ScriptedCognito pool = new ScriptedCognito().thenChallenge("SMS_OTP", "s1", SMS_SENT)
                .then(UserAuthFlowTest::mismatch);

        CognitoServiceException refused = assertThrows(CognitoServiceException.class,
                () -> signIn(pool, ScriptedPrompter.piped("00000000"), settings("SMS_OTP")));

        assertEquals("CodeMismatchException", refused.errorType());
    }

    @Test
    void theThirdWrongCodeIsFinal() {
        ScriptedCognito pool = new ScriptedCognito().thenChallenge("EMAIL_OTP", "s1", EMAIL_SENT)
                .then(UserAuthFlowTest::mismatch).then(UserAuthFlowTest::mismatch).then(UserAuthFlowTest::mismatch);

        assertThrows(CognitoServiceException.class,
                () -> signIn(pool, new ScriptedPrompter("1", "2", "3", "4"), settings("EMAIL_OTP")));

        assertEquals(4, pool.calls.size(), "InitiateAuth and three codes");
    }

    @Test
    void aClientWithASecretSignsEveryCall() {
        String secret = "client-secret-xyz";
        String hash = SecretHash.compute(secret, "alice", CLIENT_ID);
        ScriptedCognito pool = new ScriptedCognito()
                .then(call -> selection("s1"))
                .thenChallenge("SMS_OTP", "s2", SMS_SENT)
                .thenTokens();
        SignInSettings withSecret = new SignInSettings(POOL_NAME, CLIENT_ID, Optional.of(secret), AuthFlow.USER_AUTH,
                Optional.of("alice"), Optional.empty(), Map.of());

        signIn(pool, new ScriptedPrompter("SMS_OTP", "123456"), withSecret);

        assertEquals(List.of(hash, hash, hash), pool.calls.stream().map(c -> c.parameters().get("SECRET_HASH")).toList());
    }

    @Test
    void theTraceNeverShowsCodesOrPasswords() {
        ScriptedCognito pool = new ScriptedCognito().then(call -> selection("s1")).thenTokens();
        ScriptedCognito pool2 = new ScriptedCognito().thenChallenge("EMAIL_OTP", "s1", EMAIL_SENT).thenTokens();

        signIn(pool, new ScriptedPrompter("PASSWORD", PASSWORD), settings(null));
        signIn(pool2, new ScriptedPrompter("87654321"), settings("EMAIL_OTP"));

        String all = String.join("\n", trace);
        assertTrue(all.contains("SELECT_CHALLENGE") && all.contains("EMAIL_OTP_CODE"), all);
        assertFalse(all.contains(PASSWORD) || all.contains("87654321"), all);
    }
}
