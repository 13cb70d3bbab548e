package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refresh against cogauth's own local pool, which counts what reaches it (its --log lines):
 * refresh token rotation, a client secret, RevokeToken, and 20 concurrent {@code token} calls
 * that must cause exactly one refresh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenLocalPoolIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POOL_ID = "us-east-1_TokensIT";
    private static final String PASSWORD = "Alice-Passw0rd!";
    private static final String SECRET = "local-client-secret-value";

    @TempDir
    static Path temp;
    private Process pool;
    private Path poolLog;
    private String endpoint;

    @BeforeAll
    void startThePool() throws Exception {
        Path poolFile = temp.resolve("pool.json");
        Files.writeString(poolFile, """
                {
                  "poolId": "%s",
                  "clients": [
                    { "clientId": "plainclient" },
                    { "clientId": "rotatingclient", "refreshTokenRotation": true,
                      "explicitAuthFlows": ["USER_PASSWORD_AUTH", "USER_SRP_AUTH"] },
                    { "clientId": "secretclient", "clientSecret": "%s" },
                    { "clientId": "fiveminuteclient", "accessTokenValidity": 5, "idTokenValidity": 5,
                      "tokenValidityUnits": { "accessToken": "minutes", "idToken": "minutes" } },
                    { "clientId": "tenminuteclient", "accessTokenValidity": 600, "idTokenValidity": 600,
                      "tokenValidityUnits": { "accessToken": "seconds", "idToken": "seconds" } }
                  ],
                  "users": [ { "username": "alice", "email": "alice@example.com", "password": "%s" } ]
                }
                """.formatted(POOL_ID, SECRET, PASSWORD));
        poolLog = temp.resolve("pool.log");
        List<String> command = new ArrayList<>(Cogauth.javaCommand());
        command.addAll(List.of("local-pool", "--pool", poolFile.toString(), "--log"));
        pool = new ProcessBuilder(command).redirectError(poolLog.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(pool.getInputStream(), StandardCharsets.UTF_8));
        endpoint = out.readLine();
        assertTrue(endpoint != null && endpoint.startsWith("http://127.0.0.1:"), "pool said " + endpoint + "; log:\n"
                + Files.readString(poolLog));
        // Keep draining the printed config so the pool never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the pool ended
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    void stopThePool() throws Exception {
        if (pool != null) {
            pool.destroy();
            pool.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void rotation_saves_the_new_refresh_token_before_printing_and_the_old_one_is_retired() throws Exception {
        Path cache = temp.resolve("rotation");
        JsonNode signedIn = signIn(cache, "rotatingclient", Map.of());
        expireTokens(cache);
        ProcessRun token = cogauth(cache, Map.of(), "token");
        assertEquals(0, token.code(), token.toString());
        String saved = JSON.readTree(onlyEntry(cache).toFile()).get("refreshToken").asText();
        assertNotEquals(signedIn.get("RefreshToken").asText(), saved, "the rotated refresh token is cached");

        ProcessRun refresh = cogauth(cache, Map.of(), "refresh");
        assertEquals(0, refresh.code(), "the saved refresh token works: " + refresh);
        assertNotEquals(saved, JSON.readTree(onlyEntry(cache).toFile()).get("refreshToken").asText());
    }

    @Test
    void twenty_concurrent_token_calls_cause_exactly_one_refresh_at_the_pool() throws Exception {
        Path cache = temp.resolve("concurrent");
        signIn(cache, "plainclient", Map.of());
        expireTokens(cache);
        long before = refreshesLogged();
        Set<String> printed = concurrentTokens(cache, 20, "token");
        assertEquals(1, printed.size(), "all 20 print the same token");
        assertTrue(exp(printed.iterator().next().trim()).isAfter(Instant.now().plusSeconds(600)));
        assertEquals(1, refreshesLogged() - before, "refresh calls that reached the pool");
    }

    /** Cognito's shortest tokens (5 minutes) and the default --min-ttl of 5 minutes. */
    @Test
    void five_minute_tokens_are_printed_from_the_cache_and_thirty_callers_make_one_refresh() throws Exception {
        Path cache = temp.resolve("five-minutes");
        JsonNode signedIn = signIn(cache, "fiveminuteclient", Map.of());
        long before = refreshesLogged();
        ProcessRun cached = cogauth(cache, Map.of(), "token");
        assertEquals(0, cached.code(), cached.toString());
        assertEquals(signedIn.get("IdToken").asText(), cached.out().trim(), "under 5 minutes left, yet no refresh");
        assertEquals(before, refreshesLogged());

        replaceTokens(cache, Instant.now().minusSeconds(360), Instant.now().minusSeconds(60));
        Set<String> printed = concurrentTokens(cache, 30, "token");
        assertEquals(1, printed.size(), "all 30 print the same token");
        assertEquals(1, refreshesLogged() - before, "refresh calls that reached the pool");
    }

    /**
     * Issue 8's race, repeated: 20 callers at once with a stale entry of tokens whose life is shorter than twice
     * --min-ttl (10 minutes, 250 s left, --min-ttl 15m capped at half their life, 5 minutes). One refresh and one token
     * each round. The margin is the time the round may take (the fresh token must keep over 5 minutes left until the
     * last caller looks): minutes, not the one minute 2-minute tokens would leave a loaded machine.
     */
    @Test
    void twenty_concurrent_callers_of_short_lived_tokens_print_one_token_round_after_round() throws Exception {
        Path cache = temp.resolve("short-lived-race");
        signIn(cache, "tenminuteclient", Map.of());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int round = 0; round < 3 && (round == 0 || System.nanoTime() < deadline); round++) {
            replaceTokens(cache, Instant.now().minusSeconds(350), Instant.now().plusSeconds(250));
            long before = refreshesLogged();
            Set<String> printed = concurrentTokens(cache, 20, "token", "--min-ttl", "15m");
            assertEquals(1, printed.size(), "round " + round + ": all 20 print the same token");
            assertEquals(1, refreshesLogged() - before, "round " + round + ": refresh calls that reached the pool");
        }
    }

    @Test
    void refresh_with_a_client_secret() throws Exception {
        Path cache = temp.resolve("secret");
        signIn(cache, "secretclient", Map.of("COGAUTH_CLIENT_SECRET", SECRET));
        expireTokens(cache);
        ProcessRun without = cogauth(cache, Map.of(), "token");
        assertNotEquals(0, without.code(), "the pool wants the secret: " + without);
        assertTrue(JSON.readTree(onlyEntry(cache).toFile()).has("refreshToken"),
                "a missing secret does not cost the refresh token");
        ProcessRun with = cogauth(cache, Map.of("COGAUTH_CLIENT_SECRET", SECRET), "token");
        assertEquals(0, with.code(), with.toString());
    }

    @Test
    void signout_revokes_the_refresh_token_so_a_surviving_copy_needs_a_sign_in() throws Exception {
        Path cache = temp.resolve("revoke");
        signIn(cache, "plainclient", Map.of());
        Path entry = onlyEntry(cache);
        byte[] copy = Files.readAllBytes(entry);
        ProcessRun signOut = cogauth(cache, Map.of(), "signout");
        assertEquals(0, signOut.code(), signOut.toString());
        assertTrue(signOut.err().contains("stay valid until they expire"), signOut.err());
        assertTrue(Files.readString(poolLog).contains("RevokeToken client plainclient"));

        Files.write(entry, copy);
        expireTokens(cache);
        String[] token = {"token", "--pool-id", POOL_ID, "--client-id", "plainclient", "-u", "alice"};
        ProcessRun refused = cogauth(cache, Map.of(), token);
        assertEquals(4, refused.code(), refused.toString());
        long refreshes = refreshesLogged();
        ProcessRun again = cogauth(cache, Map.of(), token);
        assertEquals(4, again.code(), again.toString());
        assertEquals(refreshes, refreshesLogged(), "no retry reaches the pool");
    }

    // ---------------------------------------------------------------- helpers

    private long refreshesLogged() throws IOException {
        try (Stream<String> lines = Files.lines(poolLog)) {
            return lines.filter(line -> line.contains("GetTokensFromRefreshToken client")
                    || line.contains("InitiateAuth REFRESH_TOKEN_AUTH")).count();
        }
    }

    private JsonNode signIn(Path cache, String clientId, Map<String, String> env) throws IOException {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("COGAUTH_PASSWORD", PASSWORD);
        ProcessRun run = cogauth(cache, all, "signin", "--pool-id", POOL_ID, "--client-id", clientId, "--endpoint-url",
                endpoint, "--auth-flow", "USER_SRP_AUTH", "-u", "alice");
        assertEquals(0, run.code(), run.toString());
        return JSON.readTree(run.out());
    }

    private static Path onlyEntry(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> entries = files.filter(f -> f.getFileName().toString().startsWith(POOL_ID)
                    && f.toString().endsWith(".json")).toList();
            assertEquals(1, entries.size(), entries.toString());
            return entries.get(0);
        }
    }

    /** What {@code count} concurrent runs printed; each must succeed. */
    private Set<String> concurrentTokens(Path cache, int count, String... args) throws IOException {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            processes.add(start(cache, Map.of(), args));
        }
        Set<String> printed = new HashSet<>();
        for (Process process : processes) {
            ProcessRun run = ProcessRun.finish(process);
            assertEquals(0, run.code(), run.toString());
            printed.add(run.out());
        }
        return printed;
    }

    /** Expired look-alikes in place of the cached ID and access tokens; the refresh token stays. */
    private static void expireTokens(Path cache) throws IOException {
        replaceTokens(cache, null, Instant.now().minusSeconds(60));
    }

    /** Look-alikes issued at {@code iat} (none if null) expiring at {@code exp} in place of the cached tokens. */
    private static void replaceTokens(Path cache, Instant iat, Instant exp) throws IOException {
        Path file = onlyEntry(cache);
        ObjectNode entry = (ObjectNode) JSON.readTree(file.toFile());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"cognito:username\":\"alice\"," + (iat == null ? "" : "\"iat\":" + iat.getEpochSecond() + ",")
                + "\"exp\":" + exp.getEpochSecond() + "}";
        String fake = b64.encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".expired";
        entry.put("idToken", fake);
        entry.put("accessToken", fake);
        Path next = file.resolveSibling("edit.tmp");
        Files.writeString(next, entry.toString());
        Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Instant exp(String jwt) throws IOException {
        return Instant.ofEpochSecond(JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).get("exp").asLong());
    }

    private Process start(Path cache, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(Cogauth.javaCommand());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("COGAUTH_") || name.startsWith("XDG_"));
        builder.environment().put("COGAUTH_CACHE_DIR", cache.toString());
        builder.environment().put("HOME", temp.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private ProcessRun cogauth(Path cache, Map<String, String> env, String... args) throws IOException {
        return ProcessRun.finish(start(cache, env, args));
    }

}
