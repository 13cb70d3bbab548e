package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Usage, config and network failures of the real jar: each is one line on stderr with its
 * documented exit code, nothing on stdout, and no stack trace unless --debug. No pool needed.
 */
class FailuresBeforeSignInIT {
    private static final String POOL = "us-east-1_Abc123";
    private static final String CLIENT = "1example23456789abcdefghij";

    private static String[] signin(String... more) {
        List<String> args = new ArrayList<>(List.of("signin", "--pool-id", POOL, "--client-id", CLIENT));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** One "cogauth: ..." line and nothing else, on stderr only. */
    private static Cogauth.Result oneLine(Cogauth.Result run) {
        assertEquals(1, run.stderrLines().size(), run::describe);
        run.check(run.stderr().startsWith("cogauth: "), "the line says who is speaking");
        run.check(run.stdout().isEmpty(), "nothing on stdout");
        run.check(!run.hasStackTrace(), "no stack trace");
        return run;
    }

    @Nested
    class UsageErrorsExitWith2 {

        @ParameterizedTest
        @ValueSource(strings = {"CUSTOM", "SRP", "user-password"})
        void anUnknownAuthFlow(String flow) {
            Cogauth.Result run = Cogauth.run().exec(signin("--auth-flow", flow, "-u", "x")).assertExit(2);
            run.check(run.stderr().contains("--auth-flow") && run.stderr().contains(flow), "names the option and value");
            run.check(run.stdout().isEmpty() && !run.hasStackTrace(), "no stdout, no stack trace");
        }

        @Test
        void anEndpointPortOutOfRange() {
            Cogauth.Result run = oneLine(Cogauth.run().exec(signin("--endpoint-url", "http://127.0.0.1:99999", "-u", "x"))
                    .assertExit(2));
            assertEquals(List.of("cogauth: --endpoint-url: the port must be 1 to 65535 (got 99999)"), run.stderrLines());
        }

        @Test
        void anEmptyConfigPathIsNamedAsSuch() {
            Cogauth.Result run = oneLine(Cogauth.run().exec("signin", "--config", "", "-u", "x").assertExit(2));
            assertEquals(List.of("cogauth: --config: the path is empty: name a config file"), run.stderrLines());
        }

        @Test
        void anUnknownOutputFormat() {
            Cogauth.Result run = Cogauth.run().exec(signin("--output", "bogus", "-u", "x")).assertExit(2);
            run.check(run.stderr().contains("bogus"), "names the value");
            run.check(run.stdout().isEmpty() && !run.hasStackTrace(), "no stdout, no stack trace");
        }

        @Test
        void aSecretGivenAsAnOptionIsNeverEchoedAndTheWayToPassItIsSaid() {
            Cogauth.Result run = Cogauth.run().exec(signin("--password", "S3cret-Flag1")).assertExit(2);
            run.check(run.stderr().contains("unknown option --password"), "names the option");
            run.check(!run.stderr().contains("S3cret-Flag1"), "the secret is not echoed");
            run.check(run.stderr().contains("COGAUTH_PASSWORD") && run.stderr().contains("stdin"), "says how to pass it");
            run.check(run.stdout().isEmpty() && !run.hasStackTrace(), "no stdout, no stack trace");
        }

        @Test
        void anUnknownOptionsValueIsNotListedAsAnOption() {
            Cogauth.Result run = Cogauth.run().exec(signin("--user", "alice")).assertExit(2);
            run.check(run.stderr().startsWith("cogauth: unknown option --user\n"), "names the option alone");
            run.check(!run.stderr().contains("alice"), "not its value");
        }
    }

    @Nested
    class ConfigErrorsExitWith5 {

        @Test
        void aMissingConfigFile(@TempDir Path dir) {
            Path missing = dir.resolve("awsconfiguration.json");
            Cogauth.Result run = oneLine(Cogauth.run().exec("signin", "--config", missing.toString(), "-u", "x").assertExit(5));
            run.check(run.stderr().contains(missing.toString()), "names the file");
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
            "not JSON at all           | this is not json",
            "truncated                 | {\"CognitoUserPool\": {\"Default\": {",
            "no pool section           | {\"Auth\": {}}",
        })
        void aBrokenConfigFile(String what, String content, @TempDir Path dir) throws IOException {
            Path file = dir.resolve("awsconfiguration.json");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Cogauth.Result run = oneLine(Cogauth.run().exec("signin", "--config", file.toString(), "-u", "x").assertExit(5));
            run.check(run.stderr().contains(file.toString()), what + ": names the file");
        }

        @Test
        void anEndpointPortOutOfRange(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("awsconfiguration.json"), "{\"CognitoUserPool\": {\"Default\": {"
                    + "\"PoolId\": \"" + POOL + "\", \"AppClientId\": \"" + CLIENT + "\","
                    + " \"Endpoint\": \"http://127.0.0.1:99999\"}}}");
            Cogauth.Result run = oneLine(Cogauth.run().exec("signin", "--config", file.toString(), "-u", "x").assertExit(5));
            assertEquals(List.of("cogauth: " + file + ": CognitoUserPool.Default.Endpoint: the port must be 1 to 65535"
                    + " (got 99999)"), run.stderrLines());
        }

        @Test
        void aNamedPipeWithNoWriterIsRefusedNotWaitedOn(@TempDir Path dir) throws Exception {
            Path fifo = dir.resolve("awsconfiguration.json");
            assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor(), "mkfifo");
            Cogauth.Result run = oneLine(Cogauth.run().exec("signin", "--config", fifo.toString(), "-u", "x").assertExit(5));
            assertEquals(List.of("cogauth: " + fifo + ": not a regular file (a named pipe, device or socket)"),
                    run.stderrLines());
        }

        @Test
        void noPoolIdAtAll() {
            oneLine(Cogauth.run().exec("signin", "--client-id", CLIENT, "-u", "x").assertExit(5));
        }
    }

    @Test
    void aMisspeltConfigFieldIsWarnedAboutWithTheLikelyOne(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("awsconfiguration.json"), "{\"CognitoUserPool\": {\"Default\": {"
                + "\"PoolId\": \"" + POOL + "\", \"AppClientId\": \"" + CLIENT + "\", \"Regoin\": \"us-east-1\"}}}");
        // USER_PASSWORD_AUTH asks for the password before any call: the run ends there, offline.
        Cogauth.Result run = Cogauth.run().exec("signin", "--config", file.toString(), "--auth-flow",
                "USER_PASSWORD_AUTH", "-u", "x").assertExit(4);
        assertEquals(List.of("cogauth: warning: " + file + ": CognitoUserPool.Default.Regoin is not a field cogauth"
                + " reads; did you mean Region?", "cogauth: stdin ended while asking for Password"), run.errorLines(),
                run::describe);
    }

    @Nested
    class AnUnreachableEndpoint {

        @Test
        void exitsWith6NamingIt() throws IOException {
            String endpoint = "http://127.0.0.1:" + closedLoopbackPort();
            Cogauth.Result run = oneLine(Cogauth.run().env("COGAUTH_PASSWORD", "Some-pass-1")
                    .exec(signin("--endpoint-url", endpoint, "--auth-flow", "USER_PASSWORD_AUTH", "-u", "x", "--no-input"))
                    .assertExit(6));
            run.check(run.stderr().contains(endpoint), "names the endpoint");
            run.check(!run.stderr().contains("Some-pass-1"), "no password");
        }

        @Test
        void withDebugShowsTheCausesOneLineEachNotTheSdksStack() throws IOException {
            String endpoint = "http://127.0.0.1:" + closedLoopbackPort();
            Cogauth.Result run = Cogauth.run().env("COGAUTH_PASSWORD", "Some-pass-1")
                    .exec(signin("--endpoint-url", endpoint, "--auth-flow", "USER_PASSWORD_AUTH", "-u", "x", "--debug"))
                    .assertExit(6);
            run.check(run.stderr().contains("debug: caused by ConnectException: Connection refused"), "the root cause");
            run.check(!run.hasStackTrace(), "not a bug: no stack trace");
            run.check(!run.stderr().contains("Some-pass-1"), "no password");
        }

        /** A port nothing listens on: bound once to learn a free one, then closed. */
        private int closedLoopbackPort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }

    @Nested
    class InputEndsBeforeTheFirstCall {

        @Test
        void noPasswordOnStdinIsExit4NamingThePassword() {
            Cogauth.Result run = Cogauth.run().exec(signin("--auth-flow", "USER_PASSWORD_AUTH", "-u", "x",
                    "--endpoint-url", "http://127.0.0.1:9")).assertExit(4);
            assertEquals(List.of("cogauth: stdin ended while asking for Password"), run.errorLines(), run::describe);
        }
    }

    @Nested
    class TheTopLevelCommand {

        @Test
        void helpListsTheExitCodes() {
            Cogauth.Result run = Cogauth.run().exec("signin", "--help").assertExit(0);
            for (String code : List.of("0", "1", "2", "3", "4", "5", "6", "130")) {
                run.check(run.stdout().lines().anyMatch(line -> line.strip().startsWith(code + " ")),
                        "exit code " + code + " is listed");
            }
        }

        @Test
        void versionNamesTheToolAndItsVersion() {
            Cogauth.Result run = Cogauth.run().exec("--version").assertExit(0);
            run.check(run.stdout().startsWith("cogauth 0."), "the jar's Implementation-Version");
        }
    }
}
