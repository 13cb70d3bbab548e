package dev.cogauth.localpool;

import static dev.cogauth.localpool.TestPools.ALICE;
import static dev.cogauth.localpool.TestPools.ALICE_EMAIL;
import static dev.cogauth.localpool.TestPools.PASSWORD;
import static dev.cogauth.localpool.TestPools.PUBLIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.PoolClient.Reply;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.TokenValidity;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.srp.SecretHash;
import dev.cogauth.srp.SrpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalPoolSignInTest {

    private final SettableClock clock = SettableClock.stopped();
    private LocalPool.Running pool;
    private PoolClient client;

    @BeforeAll
    void start() throws IOException {
        pool = LocalPool.builder().definition(TestPools.standard()).log(PoolLog.silent()).clock(clock).build().start(0);
        client = new PoolClient(pool, clock);
    }

    @AfterAll
    void stop() {
        pool.close();
    }

    private Reply srpStart(String clientId, String flow, String username, SrpClient srp) {
        Map<String, String> parameters = new HashMap<>(Map.of("USERNAME", username, "SRP_A", srp.publicKeyHex()));
        if (flow.equals("CUSTOM_AUTH")) {
            parameters.put("CHALLENGE_NAME", "SRP_A");
        }
        return client.initiate(clientId, flow, parameters);
    }

    @Nested
    class UserSrpAuth {
        @Test
        void theRightPasswordGetsTokens() {
            SrpClient srp = PoolClient.srp();
            Reply challenge = srpStart(PUBLIC, "USER_SRP_AUTH", ALICE, srp).expectOk();
            assertEquals("PASSWORD_VERIFIER", challenge.challenge());
            Reply done = client.respond(PUBLIC, "PASSWORD_VERIFIER", challenge.session(),
                    client.passwordClaim(srp, challenge, PASSWORD)).expectOk();
            assertTrue(done.signedIn(), done.body().toString());
            assertEquals(ALICE, PoolClient.claims(done.token("IdToken")).get("cognito:username"));
        }

        @Test
        void aWrongPasswordIsRefusedAsCognitoWordsIt() {
            SrpClient srp = PoolClient.srp();
            Reply challenge = srpStart(PUBLIC, "USER_SRP_AUTH", ALICE, srp).expectOk();
            Reply refused = client.respond(PUBLIC, "PASSWORD_VERIFIER", challenge.session(),
                    client.passwordClaim(srp, challenge, "Wrong-Passw0rd!")).expectError("NotAuthorizedException");
            assertEquals("Incorrect username or password.", refused.message());
        }

        @Test
        void theSessionMayBeLeftOutAsCognitoAllows() {
            SrpClient srp = PoolClient.srp();
            Reply challenge = srpStart(PUBLIC, "USER_SRP_AUTH", ALICE, srp).expectOk();
            assertTrue(client.respond(PUBLIC, "PASSWORD_VERIFIER", null,
                    client.passwordClaim(srp, challenge, PASSWORD)).signedIn());
        }

        @Test
        void anEmailAliasSignsInWithTheInternalNameAsUserIdForSrp() {
            SrpClient srp = PoolClient.srp();
            Reply challenge = srpStart(PUBLIC, "USER_SRP_AUTH", ALICE_EMAIL, srp).expectOk();
            assertEquals(ALICE, challenge.parameter("USER_ID_FOR_SRP"));
            assertEquals(ALICE, challenge.parameter("USERNAME"));
            assertTrue(client.respond(PUBLIC, "PASSWORD_VERIFIER", challenge.session(),
                    client.passwordClaim(srp, challenge, PASSWORD)).signedIn());
        }

        @Test
        void aTimestampInAnotherFormatOrFarFromNowIsRefused() {
            SrpClient srp = PoolClient.srp();
            Reply challenge = srpStart(PUBLIC, "USER_SRP_AUTH", ALICE, srp).expectOk();
            Map<String, String> claim = new HashMap<>(client.passwordClaim(srp, challenge, PASSWORD));
            claim.put("TIMESTAMP", "2026-11-26T04:00:00Z");
            client.respond(PUBLIC, "PASSWORD_VERIFIER", challenge.session(), claim).expectError("InvalidParameterException");

            Reply again = srpStart(PUBLIC, "USER_SRP_AUTH", ALICE, srp).expectOk();
            clock.advance(Duration.ofMinutes(-10));
            Map<String, String> stale = client.passwordClaim(srp, again, PASSWORD);
            clock.advance(Duration.ofMinutes(10));
            client.respond(PUBLIC, "PASSWORD_VERIFIER", again.session(), stale).expectError("NotAuthorizedException");
        }

        @Test
        void anUnknownUserIsNotFound() {
            srpStart(PUBLIC, "USER_SRP_AUTH", "nobody", PoolClient.srp()).expectError("UserNotFoundException");
        }
    }

    /** PreventUserExistenceErrors ENABLED: an unknown user looks like a wrong password, whatever the flow. */
    @Test
    void aClientThatPreventsUserExistenceErrorsRefusesAnUnknownUserAsAWrongPassword() throws IOException {
        PoolDefinition standard = TestPools.standard();
        ClientDefinition hiding = new ClientDefinition("hiding", null, ClientDefinition.ALL_FLOWS,
                ClientDefinition.DEFAULT_SESSION_VALIDITY, true, false, Duration.ZERO, true, TokenValidity.COGNITO_DEFAULTS);
        PoolDefinition pool = new PoolDefinition(standard.poolId(), standard.region(), standard.mfa(),
                List.of(hiding), standard.users(), standard.triggers());
        try (LocalPool.Running running = LocalPool.builder().definition(pool)
                .log(PoolLog.silent()).clock(clock).build().start(0)) {
            PoolClient hidingClient = new PoolClient(running, clock);
            for (String flow : new String[] {"USER_SRP_AUTH", "USER_PASSWORD_AUTH", "CUSTOM_AUTH"}) {
                Reply refused = hidingClient.initiate("hiding", flow, Map.of("USERNAME", "nobody",
                        "SRP_A", PoolClient.srp().publicKeyHex(), "PASSWORD", "Whatever-1")).expectError("NotAuthorizedException");
                assertEquals("Incorrect username or password.", refused.message(), flow);
            }
        }
    }

    @Nested
    class UserPasswordAuth {
        @Test
        void theRightPasswordGetsTokensAndAWrongOneIsRefused() {
            assertTrue(client.initiate(PUBLIC, "USER_PASSWORD_AUTH",
                    Map.of("USERNAME", ALICE, "PASSWORD", PASSWORD)).signedIn());
            Reply refused = client.initiate(PUBLIC, "USER_PASSWORD_AUTH",
                    Map.of("USERNAME", ALICE, "PASSWORD", "nope-nope")).expectError("NotAuthorizedException");
            assertEquals("Incorrect username or password.", refused.message());
        }

        @Test
        void aFlowTheClientDoesNotAllowIsRefused() {
            Reply refused = srpStart(TestPools.PASSWORD_ONLY, "USER_SRP_AUTH", ALICE, PoolClient.srp())
                    .expectError("InvalidParameterException");
            assertEquals("USER_SRP_AUTH flow not enabled for this client", refused.message());
        }

        @Test
        void anUnknownClientIsNotFound() {
            Reply refused = client.initiate("noclient", "USER_PASSWORD_AUTH",
                    Map.of("USERNAME", ALICE, "PASSWORD", PASSWORD)).expectError("ResourceNotFoundException");
            assertEquals("User pool client noclient does not exist.", refused.message());
        }
    }

    @Nested
    class CustomAuthWithSrp {
        private Reply toQuestion(SrpClient srp) {
            Reply verifier = srpStart(PUBLIC, "CUSTOM_AUTH", DemoPool.USERNAME, srp).expectOk();
            assertEquals("PASSWORD_VERIFIER", verifier.challenge());
            Reply question = client.respond(PUBLIC, "PASSWORD_VERIFIER", verifier.session(),
                    client.passwordClaim(srp, verifier, DemoPool.PASSWORD)).expectOk();
            assertEquals("CUSTOM_CHALLENGE", question.challenge());
            assertEquals("What is 6 times 7?", question.parameter("question"));
            return question;
        }

        private Reply answer(Reply question, String answer) {
            return client.respond(PUBLIC, "CUSTOM_CHALLENGE", question.session(),
                    Map.of("USERNAME", question.parameter("USERNAME"), "ANSWER", answer));
        }

        @Test
        void aWrongAnswerThenTheRightOneSignsIn() {
            Reply second = answer(toQuestion(PoolClient.srp()), "41").expectOk();
            assertEquals("CUSTOM_CHALLENGE", second.challenge());
            assertTrue(answer(second, "42").signedIn());
        }

        @Test
        void threeWrongAnswersFail() {
            Reply question = toQuestion(PoolClient.srp());
            question = answer(question, "1").expectOk();
            question = answer(question, "2").expectOk();
            Reply refused = answer(question, "3").expectError("NotAuthorizedException");
            assertEquals("Incorrect username or password.", refused.message());
        }

        @Test
        void aWrongPasswordNeverReachesTheQuestion() {
            SrpClient srp = PoolClient.srp();
            Reply verifier = srpStart(PUBLIC, "CUSTOM_AUTH", DemoPool.USERNAME, srp).expectOk();
            client.respond(PUBLIC, "PASSWORD_VERIFIER", verifier.session(),
                    client.passwordClaim(srp, verifier, "not-the-password")).expectError("NotAuthorizedException");
        }

        @Test
        void aSessionIsSingleUse() {
            Reply question = toQuestion(PoolClient.srp());
            answer(question, "41").expectOk();
            Reply reused = answer(question, "42").expectError("NotAuthorizedException");
            assertEquals("Invalid session for the user, session can only be used once.", reused.message());
        }

        @Test
        void aSessionExpiresAfterTheClientsValidity() {
            Reply question = toQuestion(PoolClient.srp());
            clock.advance(Duration.ofMinutes(3).plusSeconds(1));
            Reply expired = answer(question, "42").expectError("NotAuthorizedException");
            assertEquals("Invalid session for the user, session is expired.", expired.message());
        }

        @Test
        void aSessionStillWorksJustBeforeItExpires() {
            Reply question = toQuestion(PoolClient.srp());
            clock.advance(Duration.ofMinutes(3).minusSeconds(2));
            assertTrue(answer(question, "42").signedIn());
        }
    }

    @Nested
    class CustomAuthWithoutSrp {
        @Test
        void goesStraightToTheQuestion() {
            Reply question = client.initiate(PUBLIC, "CUSTOM_AUTH", Map.of("USERNAME", DemoPool.USERNAME)).expectOk();
            assertEquals("CUSTOM_CHALLENGE", question.challenge());
            assertTrue(client.respond(PUBLIC, "CUSTOM_CHALLENGE", question.session(),
                    Map.of("USERNAME", DemoPool.USERNAME, "ANSWER", "42")).signedIn());
        }
    }

    @Nested
    class ASecretClient {
        private String hash(String username) {
            return SecretHash.compute(TestPools.SECRET, username, TestPools.SECRET_CLIENT);
        }

        @Test
        void signsInWhenEveryCallCarriesTheSecretHash() {
            Reply question = client.initiate(TestPools.SECRET_CLIENT, "CUSTOM_AUTH",
                    Map.of("USERNAME", ALICE_EMAIL, "SECRET_HASH", hash(ALICE_EMAIL))).expectOk();
            assertTrue(client.respond(TestPools.SECRET_CLIENT, "CUSTOM_CHALLENGE", question.session(),
                    Map.of("USERNAME", ALICE, "ANSWER", "42", "SECRET_HASH", hash(ALICE))).signedIn());
        }

        @Test
        void refusesAnInitiateAuthWithoutOrWithAWrongSecretHash() {
            client.initiate(TestPools.SECRET_CLIENT, "USER_PASSWORD_AUTH", Map.of("USERNAME", ALICE, "PASSWORD", PASSWORD))
                    .expectError("NotAuthorizedException");
            Reply wrong = client.initiate(TestPools.SECRET_CLIENT, "USER_PASSWORD_AUTH",
                    Map.of("USERNAME", ALICE, "PASSWORD", PASSWORD, "SECRET_HASH", hash("bob")))
                    .expectError("NotAuthorizedException");
            assertEquals("Unable to verify secret hash for client secretclient", wrong.message());
        }

        @Test
        void refusesAnAnswerWithoutTheSecretHash() {
            Reply question = client.initiate(TestPools.SECRET_CLIENT, "CUSTOM_AUTH",
                    Map.of("USERNAME", ALICE, "SECRET_HASH", hash(ALICE))).expectOk();
            client.respond(TestPools.SECRET_CLIENT, "CUSTOM_CHALLENGE", question.session(),
                    Map.of("USERNAME", ALICE, "ANSWER", "42")).expectError("NotAuthorizedException");
        }
    }
}
