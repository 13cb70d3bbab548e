package dev.cogauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cogauth.protocol.AuthFlow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigFilesTest {
    private static final String POOL = "\"PoolId\": \"us-east-1_EXAMPLE12\", \"AppClientId\": \"client123\"";

    /** awsconfiguration.json text with {@code userPoolFields} in CognitoUserPool.Default, plus {@code rest} at the top. */
    private static String aws(String userPoolFields, String rest) {
        return "{\"CognitoUserPool\": {\"Default\": {" + userPoolFields + "}}" + (rest.isEmpty() ? "" : ", " + rest) + "}";
    }

    private static String amplify(String pluginFields) {
        return "{\"auth\": {\"plugins\": {\"awsCognitoAuthPlugin\": {" + pluginFields + "}}}}";
    }

    private static String outputs(String authFields) {
        return "{\"version\": \"1.3\", \"auth\": {" + authFields + "}}";
    }

    @Nested
    class EachFormatIsRecognisedByContent {

        @Test
        void awsconfigurationWithEveryField() throws ConfigException {
            PoolSettings settings = ConfigFiles.parse(aws(POOL + ", \"AppClientSecret\": \"s3cr3t\", "
                            + "\"Region\": \"us-east-1\", \"Endpoint\": \"http://127.0.0.1:4566/\"",
                    "\"Auth\": {\"Default\": {\"authenticationFlowType\": \"USER_PASSWORD_AUTH\"}}, "
                            + "\"CredentialsProvider\": {\"CognitoIdentity\": {\"Default\": "
                            + "{\"PoolId\": \"us-east-1:0a1b2c3d-0000-1111-2222-333344445555\", \"Region\": \"us-east-1\"}}}"),
                    "app.json");
            assertEquals(new PoolSettings("us-east-1_EXAMPLE12", "client123", "s3cr3t", "us-east-1",
                    "http://127.0.0.1:4566/", AuthFlow.USER_PASSWORD_AUTH,
                    "us-east-1:0a1b2c3d-0000-1111-2222-333344445555"), settings);
        }

        @Test
        void awsconfigurationWithOnlyTheRequiredFields() throws ConfigException {
            assertEquals(new PoolSettings("us-east-1_EXAMPLE12", "client123", null, null, null, null, null),
                    ConfigFiles.parse(aws(POOL, ""), "app.json"));
        }

        @Test
        void emptyOrNullOptionalFieldsCountAsAbsent() throws ConfigException {
            assertEquals(new PoolSettings("us-east-1_EXAMPLE12", "client123", null, null, null, null, null),
                    ConfigFiles.parse(aws(POOL + ", \"AppClientSecret\": \"\", \"Region\": null, \"Endpoint\": \"\"",
                            "\"Auth\": {}, \"CredentialsProvider\": {\"CognitoIdentity\": {}}"), "app.json"));
        }

        @Test
        void amplifyconfigurationUsesThePluginSection() throws ConfigException {
            PoolSettings settings = ConfigFiles.parse(amplify(
                    "\"CognitoUserPool\": {\"Default\": {" + POOL + ", \"Endpoint\": \"https://proxy.example.com\"}}, "
                            + "\"Auth\": {\"Default\": {\"authenticationFlowType\": \"custom_auth\", \"OAuth\": {}}}"),
                    "amplifyconfiguration.json");
            assertEquals(new PoolSettings("us-east-1_EXAMPLE12", "client123", null, null,
                    "https://proxy.example.com", AuthFlow.CUSTOM_WITH_SRP, null), settings);
        }

        @Test
        void amplifyOutputsUsesSnakeCaseFieldsUnderAuth() throws ConfigException {
            PoolSettings settings = ConfigFiles.parse(outputs("\"aws_region\": \"eu-central-1\", "
                    + "\"user_pool_id\": \"eu-central-1_AbC123\", \"user_pool_client_id\": \"abc\", "
                    + "\"authentication_flow_type\": \"USER_SRP_AUTH\", \"mfa_methods\": [\"TOTP\"], "
                    + "\"passwordless\": {\"email_otp\": true}"), "amplify_outputs.json");
            assertEquals(new PoolSettings("eu-central-1_AbC123", "abc", null, "eu-central-1", null,
                    AuthFlow.USER_SRP_AUTH, null), settings);
        }

        @Test
        void aByteOrderMarkFromAWindowsEditorIsSkipped() throws ConfigException {
            assertEquals("us-east-1_EXAMPLE12", ConfigFiles.parse("\uFEFF" + aws(POOL, ""), "app.json").poolId());
        }

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource({
            // AWSMobileClient's spelling: custom auth that starts with SRP_A
            "CUSTOM_AUTH,             CUSTOM_WITH_SRP",
            // Amplify JS names
            "CUSTOM_WITH_SRP,         CUSTOM_WITH_SRP",
            "CUSTOM_WITHOUT_SRP,      CUSTOM_WITHOUT_SRP",
            // Amplify Android v2 / Gen 2 names
            "CUSTOM_AUTH_WITH_SRP,    CUSTOM_WITH_SRP",
            "CUSTOM_AUTH_WITHOUT_SRP, CUSTOM_WITHOUT_SRP",
            "user_srp_auth,           USER_SRP_AUTH",
            "USER_PASSWORD_AUTH,      USER_PASSWORD_AUTH",
            // the choice-based flow (Amplify JS v6 authFlowType)
            "USER_AUTH,               USER_AUTH",
        })
        void flowNamesOfEveryClientLibrary(String inFile, AuthFlow expected) throws ConfigException {
            String json = aws(POOL, "\"Auth\": {\"Default\": {\"authenticationFlowType\": \"" + inFile + "\"}}");
            assertEquals(expected, ConfigFiles.parse(json, "app.json").authFlow());
        }
    }

    static Stream<Arguments> brokenInputs() {
        return Stream.of(
                Arguments.of("empty", "", "c.json: empty file"),
                Arguments.of("only whitespace", " \n\t\n", "c.json: empty file"),
                Arguments.of("truncated", "{\"CognitoUserPool\": {\"Default\": {",
                        "c.json: not valid JSON (line 1, column 34): the file ends too early (truncated?)"),
                Arguments.of("missing quote on a field name", "{\n  \"a\": 1,\n  b: 2\n}",
                        "c.json: not valid JSON (line 3, column 3): Unexpected character ('b' (code 98)):"
                                + " was expecting double-quote to start field name"),
                Arguments.of("trailing comma", "{\n  \"a\": 1,\n}",
                        "c.json: not valid JSON (line 3, column 1): Unexpected character ('}' (code 125)):"
                                + " was expecting double-quote to start field name"),
                Arguments.of("an unquoted value is not echoed (it might be a secret)",
                        "{\"AppClientSecret\": hunter2isMyPassword}",
                        "c.json: not valid JSON (line 1, column 21): Unrecognized token: was expecting"
                                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                Arguments.of("text after the object", aws(POOL, "") + " {}",
                        "c.json: not valid JSON (line 1, column 97): more text after the end of the JSON value"),
                Arguments.of("junk after the object", "{}\n}",
                        "c.json: not valid JSON (line 2, column 1): Unexpected close marker '}': no open Object to close"),
                Arguments.of("mismatched brackets", "{\"a\": [1,\n 2}",
                        "c.json: not valid JSON (line 2, column 3): Unexpected close marker '}': expected ']'"),
                Arguments.of("a field given twice", "{\"CognitoUserPool\": {}, \"CognitoUserPool\": {}}",
                        "c.json: not valid JSON (line 1, column 42): Duplicate field 'CognitoUserPool'"),
                Arguments.of("an array", "[]", "c.json: must be a JSON object, not an array"),
                Arguments.of("a string", "\"us-east-1_EXAMPLE12\"", "c.json: must be a JSON object, not a string"),
                Arguments.of("null", "null", "c.json: must be a JSON object, not null"),
                Arguments.of("an unknown format", "{\"UserAgent\": \"x\", \"Version\": \"1.0\"}",
                        "c.json: not an awsconfiguration.json, amplifyconfiguration.json or amplify_outputs.json"
                                + " (no CognitoUserPool or auth object)"),
                Arguments.of("CognitoUserPool not an object", "{\"CognitoUserPool\": \"us-east-1_EXAMPLE12\"}",
                        "c.json: CognitoUserPool: must be an object"),
                Arguments.of("no Default section", "{\"CognitoUserPool\": {}}",
                        "c.json: CognitoUserPool.Default: missing"),
                Arguments.of("other sections only", "{\"CognitoUserPool\": {\"Prod\": {}, \"Dev\": {}}}",
                        "c.json: CognitoUserPool.Default: missing (found Prod, Dev; cogauth reads only the Default section)"),
                Arguments.of("Auth with other sections only", aws(POOL, "\"Auth\": {\"Staging\": {}}"),
                        "c.json: Auth.Default: missing (found Staging; cogauth reads only the Default section)"),
                Arguments.of("no pool id", aws("\"AppClientId\": \"client123\"", ""),
                        "c.json: CognitoUserPool.Default.PoolId: missing"),
                Arguments.of("empty pool id", aws("\"PoolId\": \"\", \"AppClientId\": \"client123\"", ""),
                        "c.json: CognitoUserPool.Default.PoolId: empty"),
                Arguments.of("pool id is a number", aws("\"PoolId\": 12, \"AppClientId\": \"client123\"", ""),
                        "c.json: CognitoUserPool.Default.PoolId: must be a string"),
                Arguments.of("pool id without region", aws("\"PoolId\": \"EXAMPLE12\", \"AppClientId\": \"c\"", ""),
                        "c.json: CognitoUserPool.Default.PoolId: must look like <region>_<id>,"
                                + " e.g. us-east-1_EXAMPLE12 (got \"EXAMPLE12\")"),
                Arguments.of("pool id still the template's", aws("\"PoolId\": \"XX-XXXX-X_abcd1234\", \"AppClientId\": \"c\"", ""),
                        "c.json: CognitoUserPool.Default.PoolId: must look like <region>_<id>,"
                                + " e.g. us-east-1_EXAMPLE12 (got \"XX-XXXX-X_abcd1234\")"),
                Arguments.of("no client id", aws("\"PoolId\": \"us-east-1_EXAMPLE12\"", ""),
                        "c.json: CognitoUserPool.Default.AppClientId: missing"),
                Arguments.of("client id with a space", aws("\"PoolId\": \"us-east-1_EXAMPLE12\", \"AppClientId\": \"a b\"", ""),
                        "c.json: CognitoUserPool.Default.AppClientId: must be up to 128 letters, digits, _ or +"
                                + " (got \"a b\")"),
                Arguments.of("client id is an array", aws("\"PoolId\": \"us-east-1_EXAMPLE12\", \"AppClientId\": [\"a\"]", ""),
                        "c.json: CognitoUserPool.Default.AppClientId: must be a string"),
                Arguments.of("secret is a number (and is not echoed)", aws(POOL + ", \"AppClientSecret\": 1234", ""),
                        "c.json: CognitoUserPool.Default.AppClientSecret: must be a string"),
                Arguments.of("secret is blanks", aws(POOL + ", \"AppClientSecret\": \"   \"", ""),
                        "c.json: CognitoUserPool.Default.AppClientSecret: must not be empty"),
                Arguments.of("region of the wrong shape", aws(POOL + ", \"Region\": \"US East\"", ""),
                        "c.json: CognitoUserPool.Default.Region: must be an AWS region like us-east-1 (got \"US East\")"),
                Arguments.of("region not the pool's", aws(POOL + ", \"Region\": \"eu-west-1\"", ""),
                        "c.json: CognitoUserPool.Default.Region: \"eu-west-1\" does not match PoolId"
                                + " us-east-1_EXAMPLE12 (a pool id starts with its region)"),
                Arguments.of("endpoint without scheme", aws(POOL + ", \"Endpoint\": \"localhost:9229\"", ""),
                        "c.json: CognitoUserPool.Default.Endpoint: must be an http:// or https:// URL,"
                                + " e.g. http://127.0.0.1:9229"),
                Arguments.of("endpoint not a URL", aws(POOL + ", \"Endpoint\": \"http://bad host/\"", ""),
                        "c.json: CognitoUserPool.Default.Endpoint: not a valid URL"),
                Arguments.of("endpoint with credentials (not echoed)",
                        aws(POOL + ", \"Endpoint\": \"https://admin:pw@proxy.example.com\"", ""),
                        "c.json: CognitoUserPool.Default.Endpoint: must not contain a user name, a query or a fragment"),
                Arguments.of("endpoint port out of range", aws(POOL + ", \"Endpoint\": \"http://127.0.0.1:99999\"", ""),
                        "c.json: CognitoUserPool.Default.Endpoint: the port must be 1 to 65535 (got 99999)"),
                Arguments.of("endpoint port zero", aws(POOL + ", \"Endpoint\": \"http://127.0.0.1:0/\"", ""),
                        "c.json: CognitoUserPool.Default.Endpoint: the port must be 1 to 65535 (got 0)"),
                Arguments.of("endpoint without host", aws(POOL + ", \"Endpoint\": \"http:///path\"", ""),
                        "c.json: CognitoUserPool.Default.Endpoint: must name a host, e.g. http://127.0.0.1:9229"),
                Arguments.of("unknown flow", aws(POOL, "\"Auth\": {\"Default\": {\"authenticationFlowType\": \"MAGIC_LINK\"}}"),
                        "c.json: Auth.Default.authenticationFlowType: unknown flow \"MAGIC_LINK\": use one of"
                                + " CUSTOM_WITH_SRP, CUSTOM_WITHOUT_SRP, USER_SRP_AUTH, USER_PASSWORD_AUTH, USER_AUTH"
                                + " (CUSTOM_AUTH and CUSTOM_AUTH_WITH_SRP mean CUSTOM_WITH_SRP,"
                                + " CUSTOM_AUTH_WITHOUT_SRP means CUSTOM_WITHOUT_SRP)"),
                Arguments.of("flow is a boolean", aws(POOL, "\"Auth\": {\"Default\": {\"authenticationFlowType\": true}}"),
                        "c.json: Auth.Default.authenticationFlowType: must be a string"),
                Arguments.of("identity pool id of the wrong shape",
                        aws(POOL, "\"CredentialsProvider\": {\"CognitoIdentity\": {\"Default\": {\"PoolId\": \"us-east-1_EXAMPLE12\"}}}"),
                        "c.json: CredentialsProvider.CognitoIdentity.Default.PoolId: must look like <region>:<uuid>,"
                                + " e.g. us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d (got \"us-east-1_EXAMPLE12\")"),
                Arguments.of("amplify: auth not an object", "{\"auth\": []}", "c.json: auth: must be an object"),
                Arguments.of("amplify: no cognito plugin", "{\"auth\": {\"plugins\": {}}}",
                        "c.json: auth.plugins.awsCognitoAuthPlugin: missing"),
                Arguments.of("amplify: no user pool", amplify("\"Auth\": {}"),
                        "c.json: auth.plugins.awsCognitoAuthPlugin.CognitoUserPool: missing"),
                Arguments.of("amplify: bad pool id",
                        amplify("\"CognitoUserPool\": {\"Default\": {\"PoolId\": \"[COGNITO USER POOL ID]\"}}"),
                        "c.json: auth.plugins.awsCognitoAuthPlugin.CognitoUserPool.Default.PoolId: must look like"
                                + " <region>_<id>, e.g. us-east-1_EXAMPLE12 (got \"[COGNITO USER POOL ID]\")"),
                Arguments.of("outputs: no client id", outputs("\"user_pool_id\": \"us-east-1_EXAMPLE12\""),
                        "c.json: auth.user_pool_client_id: missing"),
                Arguments.of("outputs: region is a number",
                        outputs("\"user_pool_id\": \"us-east-1_EXAMPLE12\", \"user_pool_client_id\": \"c\", \"aws_region\": 1"),
                        "c.json: auth.aws_region: must be a string"),
                Arguments.of("outputs: region not the pool's",
                        outputs("\"user_pool_id\": \"us-east-1_EXAMPLE12\", \"user_pool_client_id\": \"c\","
                                + " \"aws_region\": \"us-east-2\""),
                        "c.json: auth.aws_region: \"us-east-2\" does not match user_pool_id us-east-1_EXAMPLE12"
                                + " (a pool id starts with its region)"),
                Arguments.of("a long bad value is cut",
                        aws("\"PoolId\": \"" + "x".repeat(100) + "\", \"AppClientId\": \"c\"", ""),
                        "c.json: CognitoUserPool.Default.PoolId: must look like <region>_<id>,"
                                + " e.g. us-east-1_EXAMPLE12 (got \"" + "x".repeat(60) + "...\")"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("brokenInputs")
    void brokenInputGetsOneClearLine(String what, String json, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.parse(json, "c.json"));
        assertEquals(expected, e.getMessage(), what);
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertEquals(Optional.of("c.json"), e.source());
    }

    @Test
    void aMisspeltFieldIsWarnedAboutWithTheLikelyOne() throws ConfigException {
        List<String> warnings = new ArrayList<>();
        PoolSettings settings = ConfigFiles.parse(aws(POOL + ", \"Regoin\": \"us-east-1\"",
                "\"Auth\": {\"Default\": {\"authenticationFlowTyp\": \"USER_SRP_AUTH\"}}"), "c.json", warnings::add);
        assertEquals("us-east-1_EXAMPLE12", settings.poolId());
        assertEquals(List.of("c.json: CognitoUserPool.Default.Regoin is not a field cogauth reads; did you mean Region?",
                "c.json: Auth.Default.authenticationFlowTyp is not a field cogauth reads; did you mean"
                        + " authenticationFlowType?"), warnings);
    }

    @Test
    void otherFieldsAndCorrectOnesGiveNoWarning() throws ConfigException {
        List<String> warnings = new ArrayList<>();
        ConfigFiles.parse(aws(POOL + ", \"Region\": \"us-east-1\", \"HostedUI\": {}", "\"Version\": \"1.0\""),
                "c.json", warnings::add);
        ConfigFiles.parse(outputs("\"user_pool_id\": \"us-east-1_EXAMPLE12\", \"user_pool_client_id\": \"c\","
                + " \"aws_regoin\": \"us-east-1\", \"mfa_methods\": []"), "o.json", warnings::add);
        assertEquals(List.of("o.json: auth.aws_regoin is not a field cogauth reads; did you mean aws_region?"), warnings);
    }

    @Test
    void theFieldAndProblemAreAvailableApart() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFiles.parse(aws("\"AppClientId\": \"c\"", ""), "c.json"));
        assertEquals(Optional.of("CognitoUserPool.Default.PoolId"), e.field());
        assertEquals("missing", e.problem());
    }

    @Test
    void aSecretNeverAppearsInAMessage() {
        String secret = "TopSecretValue42";
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFiles.parse(aws(POOL + ", \"AppClientSecret\": \"" + secret + "\", \"Region\": \"nope\"", ""),
                        "c.json"));
        assertFalse(e.getMessage().contains(secret), e.getMessage());
        ConfigException unquoted = assertThrows(ConfigException.class,
                () -> ConfigFiles.parse("{\"CognitoUserPool\": {\"Default\": {\"AppClientSecret\": " + secret + "}}}",
                        "c.json"));
        assertFalse(unquoted.getMessage().contains(secret), unquoted.getMessage());
    }

    @Nested
    class LoadingAFileFromDisk {
        @TempDir
        Path dir;

        @Test
        void readsTheFileAndNamesItInMessages() throws IOException, ConfigException {
            Path file = Files.writeString(dir.resolve("awsconfiguration.json"), aws(POOL, ""));
            assertEquals("us-east-1_EXAMPLE12", ConfigFiles.load(file).poolId());
            Path bad = Files.writeString(dir.resolve("bad.json"), aws("\"PoolId\": \"us-east-1_EXAMPLE12\"", ""));
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.load(bad));
            assertEquals(bad + ": CognitoUserPool.Default.AppClientId: missing", e.getMessage());
        }

        @Test
        void aMissingFile() {
            Path file = dir.resolve("nope.json");
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.load(file));
            assertEquals(file + ": no such file", e.getMessage());
        }

        @Test
        void aDirectory() {
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.load(dir));
            assertEquals(dir + ": is a directory, not a config file", e.getMessage());
        }

        @Test
        void anEmptyPathIsNamedAsSuch() {
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.load(Path.of("")));
            assertEquals("the config file path is empty: name a config file", e.getMessage());
        }

        @Test
        void aNamedPipeIsRefusedRatherThanWaitedOn() throws Exception {
            Path fifo = dir.resolve("config.fifo");
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            assertEquals(0, mkfifo.waitFor(), "mkfifo");
            // No writer: opening it would block this test forever.
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.load(fifo));
            assertEquals(fifo + ": not a regular file (a named pipe, device or socket)", e.getMessage());
        }

        @Test
        void aDeviceIsRefused() {
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.load(Path.of("/dev/zero")));
            assertEquals("/dev/zero: not a regular file (a named pipe, device or socket)", e.getMessage());
        }

        @Test
        void anEmptyFile() throws IOException {
            Path file = Files.createFile(dir.resolve("empty.json"));
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.load(file));
            assertEquals(file + ": empty file", e.getMessage());
        }

        @Test
        void aFileThatIsNotUtf8() throws IOException {
            Path file = Files.write(dir.resolve("latin1.json"), aws(POOL + ", \"Region\": \"\u00e9\"", "")
                    .getBytes(StandardCharsets.ISO_8859_1));
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.load(file));
            assertEquals(file + ": not UTF-8 text", e.getMessage());
        }

        @Test
        void aHugeFile() throws IOException {
            Path file = Files.writeString(dir.resolve("huge.json"), " ".repeat(ConfigFiles.MAX_BYTES) + "{}");
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.load(file));
            assertEquals(file + ": larger than 1 MiB, not a config file", e.getMessage());
        }

        @Test
        void aFileJustUnderTheLimitIsRead() throws IOException, ConfigException {
            String json = aws(POOL, "");
            Path file = Files.writeString(dir.resolve("padded.json"), " ".repeat(ConfigFiles.MAX_BYTES - json.length()) + json);
            assertEquals("client123", ConfigFiles.load(file).clientId());
        }
    }

    /* Permission errors cannot be provoked when tests run as root, so the mapping is tested directly. */
    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("readFailures")
    void readFailuresAreDescribedInOneLine(IOException failure, String expected) {
        assertEquals(expected, ConfigFiles.describe(failure));
    }

    static Stream<Arguments> readFailures() {
        return Stream.of(
                Arguments.of(new NoSuchFileException("/x/c.json"), "no such file"),
                Arguments.of(new AccessDeniedException("/x/c.json"), "cannot be read: permission denied"),
                Arguments.of(new FileSystemException("/x/c.json", null, "Input/output error"),
                        "cannot be read: Input/output error"),
                Arguments.of(new IOException("Stale file handle"), "cannot be read: Stale file handle"));
    }
}
