package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * cogauth scripted in CI: stdin not a terminal, one line per question in the order asked, and
 * stdout nothing but the payload. Against moto, so the questions come from a real exchange.
 */
class ScriptedInputIT {
    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Scripted-pass-1";
    /** moto's sessions and refresh tokens are UUIDs; none may reach stderr. */
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static MotoPool pool;
    private static int users;

    @BeforeAll
    static void provision() {
        pool = moto.newPool("scripted-it");
        pool.addUser("frank", PASSWORD);
    }

    private static String[] signin(String... more) {
        List<String> args = new ArrayList<>(List.of("signin", "--pool-id", pool.poolId(), "--client-id", pool.clientId(),
                "--endpoint-url", moto.endpoint().toString(), "--auth-flow", "USER_PASSWORD_AUTH"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** A fresh admin-created user: the exchange asks username, temporary password, new password. */
    private static String newAdminCreatedUser(String temporaryPassword) {
        String name = "new-user-" + (++users);
        pool.addUserWithTemporaryPassword(name, temporaryPassword);
        return name;
    }

    /** The order of the questions on stderr. */
    private static List<String> questions(Cogauth.Result run) {
        return run.stderrLines().stream().filter(line -> line.endsWith("(reading stdin)"))
                .map(line -> line.substring(0, line.indexOf(':'))).toList();
    }

    @Nested
    class AnswersArePipedOneLinePerQuestion {

        @Test
        void inTheOrderTheExchangeAsksThem() {
            String user = newAdminCreatedUser("Temporary-pw-1");
            Cogauth.Result run = Cogauth.run().answers(user, "Temporary-pw-1", "Next-password-2").exec(signin()).assertExit(0);

            assertEquals(List.of("Username", "Password", "New password"), questions(run), run::describe);
            Cogauth.run().answers("Next-password-2").exec(signin("-u", user)).assertExit(0);
        }

        @Test
        void andStdoutHoldsNothingButTheJsonPayload() throws IOException {
            Cogauth.Result run = Cogauth.run().answers("frank", PASSWORD).exec(signin()).assertExit(0);

            JsonNode tokens = JSON.readTree(run.stdout());
            run.check(tokens.isObject() && run.stdout().equals(tokens.toString() + "\n"), "stdout is the JSON and a newline");
        }

        @Test
        void andNeitherThePasswordNorAnyTokenReachesStderr() throws IOException {
            Cogauth.Result run = Cogauth.run().answers("frank", PASSWORD).exec(signin()).assertExit(0);

            JsonNode tokens = JSON.readTree(run.stdout());
            run.check(!run.stderr().contains(PASSWORD), "no password on stderr");
            for (String field : List.of("IdToken", "AccessToken", "RefreshToken")) {
                run.check(!run.stderr().contains(tokens.get(field).asText()), field + " is not on stderr");
            }
        }
    }

    @Nested
    class WhenStdinEndsEarly {

        @Test
        void midExchangeItExitsWith4AndSaysWhatWasBeingAsked() {
            String user = newAdminCreatedUser("Temporary-pw-1");
            Cogauth.Result run = Cogauth.run().answers(user, "Temporary-pw-1").exec(signin()).assertExit(4);

            assertEquals(List.of("cogauth: stdin ended while asking for New password"), run.errorLines(), run::describe);
            run.check(run.stdout().isEmpty(), "nothing on stdout");
        }

        @Test
        void beforeThePasswordItSaysPassword() {
            Cogauth.Result run = Cogauth.run().answers("frank").exec(signin()).assertExit(4);

            assertEquals(List.of("cogauth: stdin ended while asking for Password"), run.errorLines(), run::describe);
        }

        @Test
        void atOnceItSaysUsername() {
            Cogauth.Result run = Cogauth.run().exec(signin()).assertExit(4);

            assertEquals(List.of("cogauth: stdin ended while asking for Username"), run.errorLines(), run::describe);
            run.check(!run.hasStackTrace(), "no stack trace");
        }
    }

    @Nested
    class WithNoInput {

        @Test
        void aNeededPasswordIsExit4NamingIt() {
            Cogauth.Result run = Cogauth.run().answers("frank", PASSWORD).exec(signin("-u", "frank", "--no-input")).assertExit(4);

            assertEquals(List.of("cogauth: input needed for Password but --no-input was given"), run.stderrLines(),
                    run::describe);
            run.check(run.stdout().isEmpty(), "nothing on stdout");
        }

        @Test
        void aNeededUsernameLikewise() {
            Cogauth.Result run = Cogauth.run().env("COGAUTH_PASSWORD", PASSWORD).exec(signin("--no-input")).assertExit(4);

            run.check(run.stderr().contains("Username") && run.errorLines().size() == 1, "names the username");
        }

        @Test
        void aChallengeAfterThePasswordLikewise() {
            String user = newAdminCreatedUser("Temporary-pw-1");
            Cogauth.Result run = Cogauth.run().env("COGAUTH_PASSWORD", "Temporary-pw-1")
                    .exec(signin("-u", user, "--no-input")).assertExit(4);

            run.check(run.errorLines().equals(List.of("cogauth: input needed for New password but --no-input was given")),
                    "names the new password");
        }
    }

    @Nested
    class WithDebug {

        @Test
        void stderrShowsTheStepsButNoPasswordSessionOrToken() throws IOException {
            String user = newAdminCreatedUser("Temporary-pw-1");
            Cogauth.Result run = Cogauth.run().answers("Temporary-pw-1", "Next-password-2")
                    .exec(signin("-u", user, "--debug")).assertExit(0);

            run.check(run.stderr().contains("debug: InitiateAuth USER_PASSWORD_AUTH"), "the first call is shown");
            run.check(run.stderr().contains("NEW_PASSWORD_REQUIRED"), "the challenge is named");
            run.check(Pattern.compile("\\d+ ms").matcher(run.stderr()).find(), "timings are shown");
            run.check(!run.stderr().contains("Temporary-pw-1") && !run.stderr().contains("Next-password-2"),
                    "no password");
            JsonNode tokens = JSON.readTree(run.stdout());
            for (String field : List.of("IdToken", "AccessToken", "RefreshToken")) {
                run.check(!run.stderr().contains(tokens.get(field).asText()), field + " is not on stderr");
            }
            run.check(!run.stderr().contains("eyJ"), "no JWT text at all");
            run.check(!UUID.matcher(run.stderr()).find(), "no session (moto's are UUIDs)");
        }

        @Test
        void aRefusalAddsThePoolsErrorButNoStackTraceNorThePassword() {
            Cogauth.Result run = Cogauth.run().answers("Wrong-pass-1").exec(signin("-u", "frank", "--debug")).assertExit(3);

            run.check(run.stderr().contains("debug: the pool answered HTTP 400 NotAuthorizedException: "),
                    "--debug shows the pool's error as answered");
            run.check(!run.hasStackTrace(), "a refusal is not a bug: no stack trace");
            run.check(!run.stderr().contains("Wrong-pass-1"), "no password");
        }

        @Test
        void withoutItARefusalHasNoStackTrace() {
            Cogauth.Result run = Cogauth.run().answers("Wrong-pass-1").exec(signin("-u", "frank")).assertExit(3);

            run.check(!run.hasStackTrace() && run.errorLines().size() == 1, "one line, no stack trace");
        }
    }

    @Nested
    class WhenStdoutCannotBeWritten {

        /** {@code cogauth signin > /dev/full}: a script must not be told the tokens arrived. */
        @Test
        void itFailsInsteadOfReportingSuccess() {
            Path full = Path.of("/dev/full");
            Assumptions.assumeTrue(Files.exists(full), "this system has no /dev/full");
            Cogauth.Result run = Cogauth.run().answers("frank", PASSWORD).stdoutTo(full).exec(signin());

            run.check(run.exitCode() != 0, "a failed write is not a success");
            assertEquals(List.of("cogauth: cannot write the tokens to stdout"), run.errorLines(), run::describe);
        }
    }
}
