package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.tokens.Jwt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code cogauth signin} as a process against moto's Cognito: the flows moto implements for real. */
class SignInAgainstMotoIT {
    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Correct-horse-1";
    /** Leaves the jar time to start and answer within the same TOTP step. */
    private static final Duration CODE_MARGIN = Duration.ofSeconds(12);

    private static MotoPool pool;

    @BeforeAll
    static void provision() {
        pool = moto.newPool("signin-it");
        pool.addUser("alice", PASSWORD);
    }

    /** The common arguments for a USER_PASSWORD_AUTH sign-in through the public client. */
    private static String[] signin(String username, String... more) {
        return signinWith(pool.clientId(), username, more);
    }

    private static String[] signinWith(String clientId, String username, String... more) {
        List<String> args = new ArrayList<>(List.of("signin", "--pool-id", pool.poolId(),
                "--client-id", clientId, "--endpoint-url", moto.endpoint().toString(),
                "--auth-flow", "USER_PASSWORD_AUTH", "--username", username));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static JsonNode json(Cogauth.Result run) {
        try {
            return JSON.readTree(run.stdout());
        } catch (IOException e) {
            run.check(false, "stdout is not JSON: " + e.getMessage());
            throw new AssertionError(e);
        }
    }

    @Nested
    class UserPasswordAuthWithThePasswordPiped {

        @Test
        void printsExactlyOneJsonObjectWithCognitosFieldsAndTheUsersIdToken() {
            Instant before = Instant.now();
            Cogauth.Result run = Cogauth.run().answers(PASSWORD).exec(signin("alice")).assertExit(0);

            run.check(run.stdout().endsWith("}\n") && run.stdout().lines().count() == 1,
                    "stdout is one line holding one JSON object");
            JsonNode tokens = json(run);
            for (String field : List.of("IdToken", "AccessToken", "RefreshToken", "ExpiresIn", "TokenType", "ExpiresAt")) {
                run.check(tokens.hasNonNull(field), "the JSON has " + field);
            }
            assertEquals(6, tokens.size(), () -> "no fields beyond Cognito's and ExpiresAt: " + tokens.fieldNames());
            assertEquals("Bearer", tokens.get("TokenType").asText());
            JsonNode claims = Jwt.claims(tokens.get("IdToken").asText());
            assertEquals("alice", claims.path("cognito:username").asText(), "the ID token names the user");
            assertEquals("id", claims.path("token_use").asText());
            assertEquals("access", Jwt.claims(tokens.get("AccessToken").asText()).path("token_use").asText());

            Instant expiresAt = parseInstant(tokens.get("ExpiresAt").asText());
            long expiresIn = tokens.get("ExpiresIn").asLong();
            assertTrue(expiresIn > 0, "ExpiresIn is positive");
            assertFalse(expiresAt.isBefore(before.plusSeconds(expiresIn).minusSeconds(1)),
                    "ExpiresAt is ExpiresIn after the sign-in");
            assertFalse(expiresAt.isAfter(Instant.now().plusSeconds(expiresIn)), "ExpiresAt is not later than now+ExpiresIn");
        }

        @Test
        void envOutputRoundTripsThroughEvalInBash() throws Exception {
            Cogauth.Result run = Cogauth.run().answers(PASSWORD).exec(signin("alice", "-o", "env")).assertExit(0);
            run.check(run.stdout().lines().allMatch(line -> line.startsWith("export COGNITO_")),
                    "every line is an export");

            String idToken = evalInBash(run.stdout(), "COGNITO_ID_TOKEN");
            assertEquals("alice", Jwt.claims(idToken).path("cognito:username").asText());
            String expiresAt = evalInBash(run.stdout(), "COGNITO_EXPIRES_AT");
            parseInstant(expiresAt);
        }

        @Test
        void idTokenOutputIsJustTheIdToken() {
            Cogauth.Result run = Cogauth.run().answers(PASSWORD).exec(signin("alice", "-o", "id-token")).assertExit(0);

            run.check(run.stdout().endsWith("\n") && run.stdout().lines().count() == 1, "one line");
            JsonNode claims = Jwt.claims(run.stdout().strip());
            assertEquals("id", claims.path("token_use").asText());
            assertEquals("alice", claims.path("cognito:username").asText());
        }

        @Test
        void accessTokenOutputIsJustTheAccessToken() {
            Cogauth.Result run = Cogauth.run().answers(PASSWORD).exec(signin("alice", "-o", "access-token")).assertExit(0);

            assertEquals("access", Jwt.claims(run.stdout().strip()).path("token_use").asText());
        }

        /** The clean environment has no LANG: the JVM's default charset is then ASCII, stdin's must not be. */
        @Test
        void aNonAsciiPasswordArrivesIntactWithoutALocale() {
            pool.addUser("zoë", "Pässwörd-ñ-1");
            Cogauth.Result run = Cogauth.run().answers("zoë", "Pässwörd-ñ-1")
                    .exec("signin", "--pool-id", pool.poolId(), "--client-id", pool.clientId(),
                            "--endpoint-url", moto.endpoint().toString(), "--auth-flow", "USER_PASSWORD_AUTH")
                    .assertExit(0);
            assertEquals("zoë", Jwt.claims(json(run).get("IdToken").asText()).path("cognito:username").asText());
        }

        @Test
        void theUsernameIsReadFromStdinWhenNotGiven() {
            String[] args = {"signin", "--pool-id", pool.poolId(), "--client-id", pool.clientId(),
                "--endpoint-url", moto.endpoint().toString(), "--auth-flow", "user_password_auth"};
            Cogauth.Result run = Cogauth.run().answers("alice", PASSWORD).exec(args).assertExit(0);

            assertEquals("alice", Jwt.claims(json(run).get("IdToken").asText()).path("cognito:username").asText());
        }
    }

    @Nested
    class ThePoolRefuses {

        @Test
        void aWrongPasswordWithExitCode3AndOneLine() {
            Cogauth.Result run = Cogauth.run().env("COGAUTH_PASSWORD", "Wrong-password-1")
                    .exec(signin("alice", "--no-input")).assertExit(3);

            assertEquals(1, run.stderrLines().size(), run::describe);
            run.check(run.stderr().startsWith("cogauth: sign-in refused: ")
                    && run.stderr().contains("NotAuthorizedException"), "the line says the pool refused");
            run.check(run.stdout().isEmpty(), "nothing on stdout");
            run.check(!run.stderr().contains("Wrong-password-1"), "the password is not repeated");
        }

        @Test
        void aWrongPipedPasswordLikewise() {
            Cogauth.Result run = Cogauth.run().answers("Wrong-password-1").exec(signin("alice")).assertExit(3);

            assertEquals(1, run.errorLines().size(), run::describe);
            run.check(!run.stderr().contains("Wrong-password-1"), "the password is not echoed");
        }

        @Test
        void anUnknownUserWithExitCode3() {
            Cogauth.Result run = Cogauth.run().answers(PASSWORD).exec(signin("nobody")).assertExit(3);

            assertEquals(1, run.errorLines().size(), run::describe);
            run.check(run.stdout().isEmpty(), "nothing on stdout");
        }
    }

    @Nested
    class AnAdminCreatedUser {

        @Test
        void setsANewPasswordFromTheSecondLineAndTheNewPasswordThenWorks() {
            pool.addUserWithTemporaryPassword("bob", "Temporary-pw-1");

            Cogauth.Result first = Cogauth.run().answers("Temporary-pw-1", "Brand-new-pw-2").exec(signin("bob")).assertExit(0);
            assertEquals("bob", Jwt.claims(json(first).get("IdToken").asText()).path("cognito:username").asText());
            first.check(first.stderr().contains("New password"), "the new password was asked for by name");

            Cogauth.run().answers("Brand-new-pw-2").exec(signin("bob")).assertExit(0);
            Cogauth.run().answers("Temporary-pw-1").exec(signin("bob")).assertExit(3);
        }
    }

    @Nested
    class AUserWithAnAuthenticatorApp {

        @Test
        void answersSoftwareTokenMfaWithAFreshCode() {
            pool.addUser("carol-mfa", PASSWORD);
            Totp totp = pool.enableTotp("carol-mfa", PASSWORD);

            Cogauth.Result run = Totp.withinOneStep(() -> Cogauth.run().answers(PASSWORD, totp.freshCode(CODE_MARGIN))
                    .exec(signin("carol-mfa")), signedIn -> signedIn.exitCode() == 0).assertExit(0);
            run.check(run.stderr().contains("Authenticator app code"), "the code was asked for by name");
            assertEquals("carol-mfa", Jwt.claims(json(run).get("IdToken").asText()).path("cognito:username").asText());
        }

        /** COGAUTH_TOTP_SECRET: cogauth computes the code itself, so the user signs in unattended. */
        @Test
        void computesTheCodeFromCogauthTotpSecret() {
            pool.addUser("tess-mfa", PASSWORD);
            Totp totp = pool.enableTotp("tess-mfa", PASSWORD);
            // moto accepts only the current step's code: start early enough in a step that cogauth's is that one.
            Cogauth.Result run = Totp.withinOneStep(() -> {
                totp.awaitStepWithAtLeast(CODE_MARGIN);
                return Cogauth.run().env("COGAUTH_TOTP_SECRET", totp.secret()).answers(PASSWORD)
                        .exec(signin("tess-mfa", "--debug"));
            }, signedIn -> signedIn.exitCode() == 0).assertExit(0);
            run.check(!run.stderr().contains("Authenticator app code"), "no code was asked for");
            run.check(run.stderr().contains("computing the SOFTWARE_TOKEN_MFA code from COGAUTH_TOTP_SECRET"),
                    "--debug says where the code came from");
            run.check(!run.stderr().contains(totp.secret()), "the secret is not shown");
            assertEquals("tess-mfa", Jwt.claims(json(run).get("IdToken").asText()).path("cognito:username").asText());
        }

        @Test
        void aWrongCodeIsRefused() {
            pool.addUser("dave-mfa", PASSWORD);
            Totp totp = pool.enableTotp("dave-mfa", PASSWORD);
            String wrong = totp.freshCode(CODE_MARGIN).equals("000000") ? "111111" : "000000";

            Cogauth.Result run = Cogauth.run().answers(PASSWORD, wrong).exec(signin("dave-mfa")).assertExit(3);
            run.check(run.errorLines().size() == 1 && run.stderr().contains("CodeMismatchException"), "one refusal line");
        }
    }

    /**
     * moto checks SECRET_HASH on the MFA answer (not on USER_PASSWORD_AUTH's InitiateAuth), so
     * these users have TOTP on: a wrong secret is then refused for real.
     */
    @Nested
    class AClientWithASecret {
        private MotoPool.AppClient client;
        private String username;
        private Totp totp;

        @BeforeEach
        void confidentialClientAndMfaUser() {
            client = pool.addClientWithSecret("confidential-" + System.nanoTime());
            username = "erin-" + System.nanoTime();
            pool.addUser(username, PASSWORD);
            totp = pool.enableTotp(username, PASSWORD);
        }

        @Test
        void signsInWithTheSecretFromCogauthClientSecret() {
            Cogauth.Result run = Cogauth.run().env("COGAUTH_CLIENT_SECRET", client.secret())
                    .answers(PASSWORD, totp.freshCode(CODE_MARGIN))
                    .exec(signinWith(client.id(), username, "--debug")).assertExit(0);
            assertEquals(username, Jwt.claims(json(run).get("IdToken").asText()).path("cognito:username").asText());
            run.check(run.stderr().contains("SECRET_HASH"), "--debug names the SECRET_HASH parameter");
            run.check(!run.stderr().contains(client.secret()), "the client secret is not shown");
        }

        @Test
        void signsInWithTheSecretFromTheConfigFile(@TempDir Path dir) throws IOException {
            Path config = writeAwsConfiguration(dir, client.id(), client.secret());
            Cogauth.Result run = Cogauth.run().answers(PASSWORD, totp.freshCode(CODE_MARGIN))
                    .exec("signin", "--config", config.toString(), "--auth-flow", "USER_PASSWORD_AUTH", "-u", username)
                    .assertExit(0);
            assertEquals(username, Jwt.claims(json(run).get("IdToken").asText()).path("cognito:username").asText());
        }

        @Test
        void aWrongSecretIsRefusedWithExitCode3() {
            Cogauth.Result run = Cogauth.run().env("COGAUTH_CLIENT_SECRET", "not-" + client.secret())
                    .answers(PASSWORD, totp.freshCode(CODE_MARGIN))
                    .exec(signinWith(client.id(), username)).assertExit(3);
            assertEquals(1, run.errorLines().size(), run::describe);
            run.check(run.stdout().isEmpty(), "nothing on stdout");
        }

        @Test
        void noSecretAtAllIsRefusedToo() {
            Cogauth.run().answers(PASSWORD, totp.freshCode(CODE_MARGIN))
                    .exec(signinWith(client.id(), username)).assertExit(3);
        }
    }

    @Nested
    class AConfigFile {

        @Test
        void withAnEndpointIsEnoughToSignIn(@TempDir Path dir) throws IOException {
            Path config = writeAwsConfiguration(dir, pool.clientId(), null);
            Cogauth.Result run = Cogauth.run().answers(PASSWORD)
                    .exec("signin", "--config", config.toString(), "--auth-flow", "USER_PASSWORD_AUTH", "-u", "alice")
                    .assertExit(0);
            assertEquals("alice", Jwt.claims(json(run).get("IdToken").asText()).path("cognito:username").asText());
        }

        @Test
        void namesItsAuthenticationFlowTypeWhichIsUsedWithoutTheFlag(@TempDir Path dir) throws IOException {
            Path config = writeAwsConfiguration(dir, pool.clientId(), null);
            Cogauth.run().answers(PASSWORD).exec("signin", "--config", config.toString(), "-u", "alice").assertExit(0);
        }
    }

    @Nested
    class ThePasswordFromCogauthPassword {

        @Test
        void signsInWithNoInput() {
            Cogauth.Result run = Cogauth.run().env("COGAUTH_PASSWORD", PASSWORD)
                    .exec(signin("alice", "--no-input")).assertExit(0);
            assertEquals("alice", Jwt.claims(json(run).get("IdToken").asText()).path("cognito:username").asText());
            run.check(run.stderr().isEmpty(), "nothing asked, nothing said");
        }
    }

    /** awsconfiguration.json as the seed has it, with moto as the Endpoint. */
    private static Path writeAwsConfiguration(Path dir, String clientId, String secretOrNull) throws IOException {
        var root = JSON.createObjectNode();
        var defaults = root.putObject("CognitoUserPool").putObject("Default");
        defaults.put("PoolId", pool.poolId());
        defaults.put("AppClientId", clientId);
        if (secretOrNull != null) {
            defaults.put("AppClientSecret", secretOrNull);
        }
        defaults.put("Region", MotoServer.REGION.id());
        defaults.put("Endpoint", moto.endpoint().toString());
        root.putObject("Auth").putObject("Default").put("authenticationFlowType", "USER_PASSWORD_AUTH");
        Path file = dir.resolve("awsconfiguration.json");
        Files.writeString(file, root.toPrettyString(), StandardCharsets.UTF_8);
        return file;
    }

    private static String evalInBash(String exports, String variable) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", "eval \"$(cat)\"; printf %s \"$" + variable + "\"").start();
        try (var in = bash.getOutputStream()) {
            in.write(exports.getBytes(StandardCharsets.UTF_8));
        }
        String value = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(10, TimeUnit.SECONDS), "bash finished");
        assertEquals(0, bash.exitValue(), () -> "bash eval failed: " + errors);
        assertTrue(errors.isEmpty(), () -> "bash complained: " + errors);
        return value;
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new AssertionError("not an RFC 3339 instant: " + text, e);
        }
    }
}
