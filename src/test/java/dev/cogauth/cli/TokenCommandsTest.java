package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.AwsCredentials;
import dev.cogauth.tokens.CacheKey;
import dev.cogauth.tokens.TokenCache;
import dev.cogauth.tokens.TokenEntry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands after sign-in, run in process against a prepared cache. The endpoint is a closed
 * loopback port: any test that reached the network would fail with exit code 6.
 */
class TokenCommandsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String CLOSED_PORT = "http://127.0.0.1:9";
    private static final CacheKey ALICE = new CacheKey("us-east-1", "us-east-1_AbCdEf123", "client1", "alice");
    private static final String IDENTITY_POOL = "us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private AuthenticationResult tokens;

    @BeforeEach
    void cacheAFreshSignIn() {
        env.put("HOME", home.toString());
        env.put("COGAUTH_CACHE_DIR", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        tokens = TestJwts.tokens("alice", NOW.plusSeconds(3600), "refresh-" + java.util.UUID.randomUUID());
        cache().store(TokenEntry.fromSignIn(ALICE, "alice@example.com", CLOSED_PORT, tokens, NOW, null, IDENTITY_POOL));
    }

    private TokenCache cache() {
        return new TokenCache(home.resolve("cache"), warning -> { });
    }

    private CliRun run(String... args) {
        return CliRun.of(env, CLOCK, "", args);
    }

    /** No text of any token (or their parts: signatures) may appear in output meant for people. */
    private void assertNoTokenText(String text) {
        for (String token : List.of(tokens.idToken(), tokens.accessToken(), tokens.refreshToken())) {
            for (String part : token.split("\\.")) {
                if (part.length() > 20) {
                    assertFalse(text.contains(part), "token text in:\n" + text);
                }
            }
        }
    }

    @Nested
    class Token {
        @Test
        void prints_the_cached_id_token_of_the_most_recent_sign_in_without_the_network() {
            CliRun run = run("token");
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(tokens.idToken() + "\n", run.out());
            assertEquals("", run.err());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"access", "ACCESS", "access-token"})
        void prints_the_access_token_when_asked(String type) {
            CliRun run = run("token", "--type", type);
            assertEquals(tokens.accessToken() + "\n", run.out(), run.toString());
        }

        @Test
        void finds_the_entry_by_pool_flags_and_the_name_typed_at_sign_in() {
            CliRun run = run("token", "--pool-id", ALICE.poolId(), "--client-id", "client1", "-u", "alice@example.com");
            assertEquals(tokens.idToken() + "\n", run.out(), run.toString());
        }

        @Test
        void finds_another_user_of_the_most_recent_pool_by_name_alone() {
            AuthenticationResult bob = TestJwts.tokens("bob", NOW.plusSeconds(3600), "refresh-bob");
            cache().store(TokenEntry.fromSignIn(new CacheKey("us-east-1", ALICE.poolId(), "client1", "bob"), null,
                    CLOSED_PORT, bob, NOW, null, null));
            cache().markCurrent(ALICE);
            assertEquals(bob.idToken() + "\n", run("token", "-u", "bob").out());
            assertEquals(tokens.idToken() + "\n", run("token", "-u", "alice@example.com").out());
            assertEquals(tokens.idToken() + "\n", run("token").out());
        }

        @Test
        void tries_to_refresh_when_the_token_has_less_than_min_ttl_left() {
            CliRun run = run("token", "--min-ttl", "2h");
            assertEquals(6, run.exitCode(), "the closed port proves a refresh was attempted: " + run);
            assertEquals("", run.out());
            assertNoTokenText(run.err());
        }

        @Test
        void refreshes_at_the_endpoint_given_rather_than_the_one_signed_in_at_and_says_so_in_debug() throws Exception {
            List<String> calls = new ArrayList<>();
            HttpServer pool = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            pool.createContext("/", exchange -> {
                try (exchange) {
                    calls.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
                    AuthenticationResult fresh = TestJwts.tokens("alice", NOW.plusSeconds(3600), null);
                    byte[] body = ("{\"AuthenticationResult\":{\"IdToken\":\"" + fresh.idToken() + "\",\"AccessToken\":\""
                            + fresh.accessToken() + "\",\"ExpiresIn\":3600,\"TokenType\":\"Bearer\"}}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            pool.start();
            try {
                String given = "http://127.0.0.1:" + pool.getAddress().getPort();
                CliRun run = run("token", "--min-ttl", "2h", "--endpoint-url", given, "--debug");
                assertEquals(0, run.exitCode(), "the cached endpoint is a closed port: " + run);
                assertEquals(List.of("AWSCognitoIdentityProviderService.GetTokensFromRefreshToken"), calls);
                assertTrue(run.err().contains("debug: calling " + given + " as given, not " + CLOSED_PORT
                        + " where alice in us-east-1_AbCdEf123"), run.err());
            } finally {
                pool.stop(0);
            }
        }

        @ParameterizedTest(name = "--min-ttl {0}")
        @ValueSource(strings = {"5 minutes", "-1m", "m", "1d"})
        void rejects_a_bad_duration(String ttl) {
            CliRun run = run("token", "--min-ttl", ttl);
            assertEquals(2, run.exitCode(), run.toString());
        }

        @Test
        void without_a_refresh_token_says_a_sign_in_is_needed_and_exits_4() {
            cache().store(cache().read(ALICE).orElseThrow().withoutRefreshToken());
            CliRun run = run("token", "--min-ttl", "2h");
            assertEquals(4, run.exitCode(), run.toString());
            assertTrue(run.err().contains("run cogauth signin"), run.err());
        }

        @Test
        void with_nothing_cached_exits_4() {
            env.put("COGAUTH_CACHE_DIR", home.resolve("empty").toString());
            CliRun run = run("token");
            assertEquals(4, run.exitCode(), run.toString());
            assertTrue(run.err().contains("run cogauth signin"), run.err());
        }

        @Test
        void refuses_a_world_readable_cache_with_a_warning() throws Exception {
            Files.setPosixFilePermissions(home.resolve("cache").resolve(ALICE.fileName()),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            CliRun run = run("token");
            assertEquals(4, run.exitCode(), run.toString());
            assertTrue(run.err().contains("warning: ignoring") && run.err().contains("other users can read"), run.err());
        }

        @Test
        void refuses_a_cache_directory_others_can_write_to_in_one_line_with_exit_5() throws Exception {
            Files.setPosixFilePermissions(home.resolve("cache"),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            CliRun run = run("token");
            assertEquals(5, run.exitCode(), run.toString());
            assertEquals("", run.out());
            assertEquals("cogauth: refusing the token cache directory " + home.resolve("cache") + ": other users can"
                    + " write to it (mode rwxrwxrwx); run chmod 700 " + home.resolve("cache") + "\n", run.err());
        }
    }

    @Nested
    class Status {
        @Test
        void shows_who_where_and_until_when_as_text() {
            CliRun run = run("status");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("Signed in as alice <alice@example.com>"), run.out());
            assertTrue(run.out().contains("us-east-1_AbCdEf123"), run.out());
            assertTrue(run.out().contains("expires 2026-11-26T11:00:00Z (in 60 min)"), run.out());
            assertTrue(run.out().contains("admins"), run.out());
            assertNoTokenText(run.out() + run.err());
        }

        @Test
        void shows_the_same_as_json() throws Exception {
            CliRun run = run("status", "--output", "json");
            JsonNode status = new ObjectMapper().readTree(run.out());
            assertEquals("alice", status.get("username").asText());
            assertEquals(3600, status.get("idToken").get("expiresInSeconds").asLong());
            assertTrue(status.get("refreshToken").asBoolean());
            assertEquals("admins", status.get("claims").get("groups").get(0).asText());
            assertNoTokenText(run.out());
        }

        @Test
        void exits_4_when_not_signed_in() {
            CliRun run = run("status", "--pool-id", ALICE.poolId(), "--client-id", "client1", "-u", "bob");
            assertEquals(4, run.exitCode(), run.toString());
        }
    }

    @Nested
    class Profiles {
        @Test
        void configure_from_flags_then_token_by_profile() {
            CliRun saved = run("configure", "--profile", "dev", "--pool-id", ALICE.poolId(), "--client-id", "client1",
                    "--username", "alice");
            assertEquals(0, saved.exitCode(), saved.toString());
            assertTrue(Files.exists(home.resolve("config/cogauth/profiles/dev.json")));
            env.put("COGAUTH_CACHE_DIR", home.resolve("cache").toString());
            CliRun byFlag = run("token", "--profile", "dev");
            assertEquals(tokens.idToken() + "\n", byFlag.out(), byFlag.toString());
            env.put("COGAUTH_PROFILE", "dev");
            CliRun byEnv = run("token");
            assertEquals(tokens.idToken() + "\n", byEnv.out(), byEnv.toString());
            assertEquals("dev\n", run("configure", "--list").out());
        }

        @Test
        void configure_asks_on_stdin_when_no_setting_is_given() throws Exception {
            CliRun run = CliRun.of(env, CLOCK, "\nus-east-1_Zz9\nclientZ\n\n\n\nzed\n\n", "configure", "-p", "asked");
            assertEquals(0, run.exitCode(), run.toString());
            JsonNode profile = new ObjectMapper().readTree(home.resolve("config/cogauth/profiles/asked.json").toFile());
            assertEquals("us-east-1_Zz9", profile.get("userPoolId").asText());
            assertEquals("zed", profile.get("username").asText());
            assertFalse(profile.has("configFile"));
        }

        @Test
        void an_unknown_profile_is_a_config_error() {
            CliRun run = run("token", "--profile", "nope");
            assertEquals(5, run.exitCode(), run.toString());
            assertTrue(run.err().contains("no profile named 'nope'"), run.err());
        }

        @Test
        void a_bad_profile_setting_is_refused_when_saving() {
            CliRun run = run("configure", "-p", "bad", "--pool-id", "nonsense", "--client-id", "c");
            assertEquals(5, run.exitCode(), run.toString());
            assertFalse(Files.exists(home.resolve("config/cogauth/profiles/bad.json")));
        }
    }

    @Nested
    class Hand_off_formats {
        @Test
        void exec_credential_is_a_v1_ExecCredential_with_the_id_token() throws Exception {
            CliRun run = run("exec-credential");
            JsonNode credential = new ObjectMapper().readTree(run.out());
            assertEquals("client.authentication.k8s.io/v1", credential.get("apiVersion").asText());
            assertEquals("ExecCredential", credential.get("kind").asText());
            assertEquals(tokens.idToken(), credential.get("status").get("token").asText());
            assertEquals("2026-11-26T11:00:00Z", credential.get("status").get("expirationTimestamp").asText());
        }

        @Test
        void exec_credential_answers_in_the_version_kubectl_asks_for() throws Exception {
            env.put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
                    + "\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
            JsonNode credential = new ObjectMapper().readTree(run("exec-credential").out());
            assertEquals("client.authentication.k8s.io/v1beta1", credential.get("apiVersion").asText());
        }

        @Test
        void exec_credential_needs_a_sign_in_to_act_on_even_when_kubectl_is_interactive() {
            env.put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":true}}");
            env.put("COGAUTH_CACHE_DIR", home.resolve("empty").toString());
            CliRun run = run("exec-credential");
            assertEquals(4, run.exitCode(), run.toString());
            assertEquals("", run.out());
        }

        @Test
        void credentials_come_from_the_cache_while_they_have_16_minutes_left() throws Exception {
            storeCredentials(NOW.plusSeconds(17 * 60));
            CliRun run = run("credentials", "--format", "process");
            assertEquals(0, run.exitCode(), run.toString());
            JsonNode process = new ObjectMapper().readTree(run.out());
            assertEquals(1, process.get("Version").asInt());
            assertEquals("AKIAEXAMPLE", process.get("AccessKeyId").asText());
            assertEquals("secret/with'quote", process.get("SecretAccessKey").asText());
            assertEquals("session-token", process.get("SessionToken").asText());
            assertEquals("2026-11-26T10:17:00Z", process.get("Expiration").asText());
        }

        @Test
        void credentials_with_less_than_16_minutes_left_are_fetched_again() {
            storeCredentials(NOW.plusSeconds(15 * 60));
            CliRun run = run("credentials");
            assertEquals(6, run.exitCode(), "the closed port proves a fetch was attempted: " + run);
            assertEquals("", run.out());
        }

        @Test
        void credentials_as_env_round_trip_through_bash() throws Exception {
            storeCredentials(NOW.plusSeconds(3600));
            CliRun run = run("credentials", "--format", "env");
            Process bash = new ProcessBuilder("bash", "-c", "eval \"$(cat)\"; printf '%s\\n' \"$AWS_ACCESS_KEY_ID\" "
                    + "\"$AWS_SECRET_ACCESS_KEY\" \"$AWS_SESSION_TOKEN\" \"$AWS_CREDENTIAL_EXPIRATION\"").start();
            bash.getOutputStream().write(run.out().getBytes(StandardCharsets.UTF_8));
            bash.getOutputStream().close();
            String values = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
            assertEquals("AKIAEXAMPLE\nsecret/with'quote\nsession-token\n2026-11-26T11:00:00Z\n", values);
        }

        private void storeCredentials(Instant expiration) {
            TokenEntry entry = cache().read(ALICE).orElseThrow();
            cache().store(entry.withCredentials(new AwsCredentials("us-east-1:identity", "AKIAEXAMPLE",
                    "secret/with'quote", "session-token", expiration), IDENTITY_POOL));
        }
    }

    @Nested
    class Debug_output {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"token", "token --type access", "status", "status -o json", "exec-credential",
            "token --min-ttl 2h", "refresh", "signout", "signout --global", "credentials"})
        void never_contains_token_text(String command) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--debug");
            CliRun run = run(args.toArray(String[]::new));
            assertTrue(run.err().contains("debug: "), run.toString());
            assertNoTokenText(run.err());
        }
    }
}
