package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The commands after sign-in, run as users run them ({@code java -jar cogauth.jar}) against
 * moto_server on a free loopback port: store, token, refresh (with and without a client
 * secret, revoked), concurrency, SIGKILL mid-refresh, AWS credentials through the real AWS
 * CLI and boto3, and {@code --debug} output free of secrets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Pa55word!-" + UUID.randomUUID();

    private Process moto;
    private Path motoLog;
    private URI endpoint;
    private String poolId;
    private String publicClient;
    private String secretClient;
    private String clientSecret;
    private String identityPoolId;

    @TempDir
    Path temp;
    private Path cacheDir;

    @BeforeAll
    void startMotoAndMakeAPool() throws Exception {
        Path motoServer = onPath("moto_server");
        if (motoServer == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("moto_server is not on PATH");
        }
        assumeTrue(motoServer != null, "moto_server is not on PATH");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        motoLog = Files.createTempFile("moto-tokens-", ".log");
        moto = new ProcessBuilder(motoServer.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(motoLog.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        endpoint = URI.create("http://127.0.0.1:" + port);
        awaitMoto();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        try (CognitoIdentityProviderClient idp = CognitoIdentityProviderClient.builder().region(Region.US_EAST_1)
                .endpointOverride(endpoint).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             CognitoIdentityClient identity = CognitoIdentityClient.builder().region(Region.US_EAST_1)
                .endpointOverride(endpoint).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            poolId = idp.createUserPool(b -> b.poolName("tokens")).userPool().id();
            publicClient = client(idp, false).clientId();
            UserPoolClientType withSecret = client(idp, true);
            secretClient = withSecret.clientId();
            clientSecret = withSecret.clientSecret();
            idp.adminCreateUser(b -> b.userPoolId(poolId).username("alice").messageAction("SUPPRESS"));
            idp.adminSetUserPassword(b -> b.userPoolId(poolId).username("alice").password(PASSWORD).permanent(true));
            identityPoolId = identity.createIdentityPool(b -> b.identityPoolName("tokens")
                    .allowUnauthenticatedIdentities(false)
                    .cognitoIdentityProviders(p -> p.providerName("cognito-idp.us-east-1.amazonaws.com/" + poolId)
                            .clientId(publicClient))).identityPoolId();
        }
    }

    private UserPoolClientType client(CognitoIdentityProviderClient idp, boolean secret) {
        return idp.createUserPoolClient(b -> b.userPoolId(poolId).clientName(secret ? "secret" : "public")
                .generateSecret(secret)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient();
    }

    @AfterAll
    void stopMoto() throws Exception {
        if (moto != null) {
            moto.descendants().forEach(ProcessHandle::destroy);
            moto.destroy();
            moto.waitFor(10, TimeUnit.SECONDS);
        }
        if (motoLog != null) {
            Files.deleteIfExists(motoLog);
        }
    }

    @BeforeEach
    void freshCache() {
        cacheDir = temp.resolve("cache");
    }

    // ---------------------------------------------------------------- tests

    @Test
    void signin_stores_privately_and_token_prints_the_stored_id_token() throws Exception {
        JsonNode signedIn = signIn(publicClient, null);
        Path file = onlyEntry();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir)));
        ProcessRun token = cogauth(Map.of(), "token");
        assertEquals(0, token.code(), token.toString());
        assertEquals(signedIn.get("IdToken").asText() + "\n", token.out());
        ProcessRun access = cogauth(Map.of(), "token", "--type", "access");
        assertEquals(signedIn.get("AccessToken").asText() + "\n", access.out());
    }

    @Test
    void signin_with_no_store_leaves_no_cache() throws Exception {
        ProcessRun run = cogauth(Map.of("COGAUTH_PASSWORD", PASSWORD), "signin", "--pool-id", poolId, "--client-id",
                publicClient, "--endpoint-url", endpoint.toString(), "--auth-flow", "USER_PASSWORD_AUTH", "-u", "alice",
                "--no-store");
        assertEquals(0, run.code(), run.toString());
        assertFalse(Files.exists(cacheDir) && Files.list(cacheDir).findAny().isPresent());
    }

    @Test
    void twenty_concurrent_token_calls_with_expired_tokens_refresh_once_and_print_the_same_token() throws Exception {
        signIn(publicClient, null);
        String expired = expireTokens();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            processes.add(start(Map.of(), "token"));
        }
        Set<String> printed = new HashSet<>();
        for (Process process : processes) {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), err);
            printed.add(out);
        }
        // Each refresh makes a token with its own jti, and a process that refreshed prints its own:
        // one distinct output means exactly one refresh reached the pool.
        assertEquals(1, printed.size(), printed.toString());
        String token = printed.iterator().next().trim();
        assertNotEquals(expired, token);
        assertTrue(exp(token).isAfter(Instant.now().plusSeconds(300)));
    }

    @Test
    void a_process_killed_mid_refresh_leaves_a_usable_cache() throws Exception {
        signIn(publicClient, null);
        for (int delayMs : new int[] {200, 600, 1000, 1500, 2200}) {
            expireTokens();
            Process process = start(Map.of(), "token");
            Thread.sleep(delayMs);
            process.destroyForcibly();  // SIGKILL on Linux
            process.waitFor(30, TimeUnit.SECONDS);
            ProcessRun after = cogauth(Map.of(), "token");
            assertEquals(0, after.code(), "after SIGKILL at " + delayMs + " ms: " + after);
            assertTrue(exp(after.out().trim()).isAfter(Instant.now()));
        }
    }

    @Test
    void refresh_with_a_client_secret_sends_the_secret_hash() throws Exception {
        signIn(secretClient, clientSecret);
        expireTokens();
        ProcessRun refreshed = cogauth(Map.of("COGAUTH_CLIENT_SECRET", clientSecret), "token");
        assertEquals(0, refreshed.code(), refreshed.toString());
        assertTrue(exp(refreshed.out().trim()).isAfter(Instant.now()));
    }

    @Test
    void a_revoked_refresh_token_exits_4_once_and_then_without_asking_the_pool() throws Exception {
        signIn(publicClient, null);
        Path file = onlyEntry();
        byte[] beforeSignOut = Files.readAllBytes(file);
        ProcessRun signOut = cogauth(Map.of(), "signout", "--global");
        assertEquals(0, signOut.code(), signOut.toString());
        assertTrue(signOut.err().contains("stay valid until they expire"), signOut.err());
        assertFalse(Files.exists(file), "signout deletes the entry");

        Files.write(file, beforeSignOut);  // as if another copy of the entry survived
        expireTokens();
        // signout also forgot "most recent sign-in", so name the entry.
        String[] token = {"token", "--pool-id", poolId, "--client-id", publicClient, "-u", "alice", "--debug"};
        ProcessRun refused = cogauth(Map.of(), token);
        assertEquals(4, refused.code(), refused.toString());
        assertTrue(refused.err().contains("run cogauth signin"), refused.err());
        assertTrue(refused.err().contains("REFRESH_TOKEN_AUTH"), "the pool was asked: " + refused.err());
        assertFalse(JSON.readTree(file.toFile()).has("refreshToken"), "the refused refresh token is dropped");

        // With the refresh token gone, the next call knows without asking the pool.
        ProcessRun again = cogauth(Map.of(), token);
        assertEquals(4, again.code(), again.toString());
        assertFalse(again.err().contains("REFRESH_TOKEN_AUTH"), again.err());
    }

    @Test
    void refresh_and_status_work_on_the_most_recent_sign_in() throws Exception {
        JsonNode signedIn = signIn(publicClient, null);
        ProcessRun refresh = cogauth(Map.of(), "refresh", "-o", "json");
        assertEquals(0, refresh.code(), refresh.toString());
        assertNotEquals(signedIn.get("IdToken").asText(), JSON.readTree(refresh.out()).get("IdToken").asText());
        ProcessRun status = cogauth(Map.of(), "status", "-o", "json");
        assertEquals(0, status.code(), status.toString());
        assertEquals(poolId, JSON.readTree(status.out()).get("userPoolId").asText());
        assertFalse(status.out().contains(signedIn.get("RefreshToken").asText()));
    }

    @Test
    void credentials_feed_the_aws_cli_and_boto3_through_credential_process() throws Exception {
        Path aws = onPath("aws");
        if (aws == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("the AWS CLI is not on PATH (pip install awscli boto3)");
        }
        assumeTrue(aws != null, "the AWS CLI is not on PATH");
        signIn(publicClient, null);
        ProcessRun direct = cogauth(Map.of(), "credentials", "--identity-pool-id", identityPoolId, "--min-ttl", "30s");
        assertEquals(0, direct.code(), direct.toString());
        JsonNode process = JSON.readTree(direct.out());
        assertEquals(1, process.get("Version").asInt());

        // moto's credentials last 90 seconds, so the test lowers the 16-minute floor.
        String command = Cogauth.javaCommand().stream().map(TokenIT::shellQuote).reduce((a, b) -> a + " " + b).orElseThrow()
                + " credentials --identity-pool-id " + identityPoolId + " --min-ttl 30s --format process";
        Path config = temp.resolve("aws-config");
        Files.writeString(config, "[profile dev]\nregion = us-east-1\ncredential_process = " + command + "\n");
        Map<String, String> awsEnv = new HashMap<>();
        awsEnv.put("AWS_CONFIG_FILE", config.toString());
        awsEnv.put("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("none").toString());
        awsEnv.put("COGAUTH_CACHE_DIR", cacheDir.toString());
        // The AWS CLI signs the call with what credential_process printed; without it, it would fail.
        ProcessRun sts = exec(awsEnv, List.of(aws.toString(), "sts", "get-caller-identity", "--profile", "dev",
                "--endpoint-url", endpoint.toString(), "--output", "json"));
        assertEquals(0, sts.code(), sts.toString());
        assertTrue(JSON.readTree(sts.out()).has("Account"), sts.out());
        ProcessRun noProcess = exec(Map.of("AWS_CONFIG_FILE", temp.resolve("none").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", temp.resolve("none").toString()), List.of(aws.toString(), "sts",
                "get-caller-identity", "--endpoint-url", endpoint.toString(), "--region", "us-east-1"));
        assertNotEquals(0, noProcess.code(), "without credentials the AWS CLI refuses: " + noProcess);

        ProcessRun boto = exec(awsEnv, List.of("python3", "-c", "import boto3; c = boto3.Session(profile_name='dev')"
                + ".get_credentials().get_frozen_credentials(); print(c.access_key)"));
        assertEquals(0, boto.code(), boto.toString());
        assertEquals(process.get("AccessKeyId").asText(), boto.out().trim());
    }

    /** moto's credentials last 90 s: less than the default 16-minute --min-ttl, so a note, not a usage error. */
    @Test
    void credentials_the_pool_issues_for_less_than_min_ttl_are_printed_with_a_note() throws Exception {
        signIn(publicClient, null);
        ProcessRun run = cogauth(Map.of(), "credentials", "--identity-pool-id", identityPoolId);

        assertEquals(0, run.code(), run.toString());
        assertEquals(1, JSON.readTree(run.out()).get("Version").asInt(), run.out());
        assertTrue(run.err().startsWith("cogauth: note: the new AWS credentials have ")
                && run.err().contains("less than --min-ttl 960s") && run.err().lines().count() == 1, run.err());
    }

    @Test
    void debug_output_of_every_command_holds_no_password_or_token_text() throws Exception {
        ProcessRun signIn = cogauth(Map.of("COGAUTH_PASSWORD", PASSWORD), "signin", "--pool-id", poolId, "--client-id",
                publicClient, "--endpoint-url", endpoint.toString(), "--auth-flow", "USER_PASSWORD_AUTH", "-u", "alice",
                "--debug");
        assertEquals(0, signIn.code(), signIn.toString());
        JsonNode tokens = JSON.readTree(signIn.out());
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, tokens.get("RefreshToken").asText()));
        StringBuilder debug = new StringBuilder(signIn.err());
        for (String[] args : new String[][] {
            {"token", "--debug"}, {"refresh", "--debug"}, {"status", "--debug"}, {"exec-credential", "--debug"},
            {"credentials", "--debug", "--identity-pool-id", identityPoolId, "--min-ttl", "30s"},
            {"token", "--debug", "--type", "access"}, {"signout", "--debug", "--global"},
        }) {
            ProcessRun run = cogauth(Map.of(), args);
            debug.append(run.err());
        }
        for (JsonNode token : List.of(tokens.get("IdToken"), tokens.get("AccessToken"))) {
            secrets.add(token.asText().substring(token.asText().lastIndexOf('.') + 1));
        }
        assertTrue(debug.toString().contains("debug: "));
        for (String secret : secrets) {
            assertFalse(debug.toString().contains(secret), "secret text in --debug output:\n" + debug);
        }
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode signIn(String clientId, String secret) throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("COGAUTH_PASSWORD", PASSWORD));
        if (secret != null) {
            env.put("COGAUTH_CLIENT_SECRET", secret);
        }
        ProcessRun run = cogauth(env, "signin", "--pool-id", poolId, "--client-id", clientId, "--endpoint-url",
                endpoint.toString(), "--auth-flow", "USER_PASSWORD_AUTH", "-u", "alice");
        assertEquals(0, run.code(), run.toString());
        return JSON.readTree(run.out());
    }

    private Path onlyEntry() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            List<Path> entries = files.filter(f -> f.getFileName().toString().startsWith(poolId)
                    && f.toString().endsWith(".json")).toList();
            assertEquals(1, entries.size(), entries.toString());
            return entries.get(0);
        }
    }

    /**
     * Puts expired look-alikes in place of the cached ID and access tokens (cogauth reads, but
     * does not verify, the tokens it caches), keeping the real refresh token. Returns the fake ID token.
     */
    private String expireTokens() throws IOException {
        Path file = onlyEntry();
        ObjectNode entry = (ObjectNode) JSON.readTree(file.toFile());
        String idToken = fakeJwt(entry.get("username").asText(), Instant.now().minusSeconds(60));
        entry.put("idToken", idToken);
        entry.put("accessToken", fakeJwt(entry.get("username").asText(), Instant.now().minusSeconds(60)));
        entry.put("expiresAt", Instant.now().minusSeconds(60).getEpochSecond());
        Path next = file.resolveSibling("edit.tmp");
        Files.writeString(next, entry.toString());
        Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return idToken;
    }

    private static String fakeJwt(String username, Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"cognito:username\":\"" + username + "\",\"exp\":" + exp.getEpochSecond() + "}";
        return b64.encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".expired";
    }

    private static Instant exp(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        return Instant.ofEpochSecond(JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).get("exp").asLong());
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(Cogauth.javaCommand());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("COGAUTH_") || name.startsWith("XDG_"));
        builder.environment().put("COGAUTH_CACHE_DIR", cacheDir.toString());
        builder.environment().put("HOME", temp.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private ProcessRun cogauth(Map<String, String> env, String... args) throws IOException {
        return ProcessRun.finish(start(env, args));
    }

    private ProcessRun exec(Map<String, String> env, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("COGAUTH_") || name.startsWith("AWS_"));
        builder.environment().putAll(env);
        return ProcessRun.finish(builder.start());
    }


    private void awaitMoto() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(moto.isAlive(), () -> "moto_server exited: " + readLog());
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("moto_server did not answer: " + readLog());
    }

    private String readLog() {
        try {
            return Files.readString(motoLog);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
