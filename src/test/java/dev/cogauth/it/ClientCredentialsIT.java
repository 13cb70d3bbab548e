package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code signin --client-credentials} and {@code token --client-credentials} against an independent
 * RFC 6749 token endpoint written in the tests ({@link ClientCredentialsServer}), which counts its grants:
 * a loop of token calls makes one grant per token lifetime, concurrent callers one grant, and the
 * endpoint's refusals are exit 3 with what to check, never the secret.
 */
class ClientCredentialsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A secret with what Basic authentication must form-encode first (RFC 6749 section 2.3.1). */
    private static final String SECRET = "s3cret:with+special %chars&=";
    private static final Map<String, ClientCredentialsServer.Client> CLIENTS = Map.of(
            "machine", new ClientCredentialsServer.Client(SECRET, Set.of("orders/read", "orders/write")));

    @TempDir
    Path temp;

    private Cogauth cogauth() {
        return Cogauth.run().env("COGAUTH_CACHE_DIR", temp.resolve("cache").toString());
    }

    private static String[] token(ClientCredentialsServer server, String... more) {
        List<String> args = new ArrayList<>(List.of("token", "--client-credentials", "--domain", server.domain(),
                "--client-id", "machine", "--scope", "orders/write orders/read"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void signinPrintsTheAccessTokenAloneAndCachesIt() throws Exception {
        try (ClientCredentialsServer server = new ClientCredentialsServer(CLIENTS, Duration.ofHours(1))) {
            Cogauth.Result signin = cogauth().env("COGAUTH_CLIENT_SECRET", SECRET).exec("signin", "--client-credentials",
                    "--domain", server.domain(), "--client-id", "machine", "--scope", "orders/read,orders/write")
                    .assertExit(0);
            JsonNode json = JSON.readTree(signin.stdout());
            signin.check(json.hasNonNull("AccessToken") && !json.has("IdToken") && !json.has("RefreshToken")
                    && json.path("TokenType").asText().equals("Bearer") && json.has("ExpiresAt"),
                    "an access token, no ID or refresh token");
            signin.check(!signin.stderr().contains(SECRET), "the secret is never printed");
            assertEquals(List.of("orders/read orders/write"), server.scopesAsked());

            // The same scopes in another order are the same entry: printed from the cache, without the secret.
            Cogauth.Result cached = cogauth().exec(token(server)).assertExit(0);
            assertEquals(json.get("AccessToken").asText(), cached.stdout().strip(), cached.describe());
            assertEquals(1, server.grants(), "the cached token was printed without asking again");

            Cogauth.Result exec = cogauth().exec("exec-credential", "--client-credentials", "--domain", server.domain(),
                    "--client-id", "machine", "--scope", "orders/read orders/write").assertExit(0);
            assertEquals(json.get("AccessToken").asText(), JSON.readTree(exec.stdout()).path("status").path("token")
                    .asText(), "the ExecCredential carries the cached access token");
            // No user signed in: the client's entry is not the most recent sign-in that a bare token acts on.
            cogauth().exec("token").assertExit(4);

            Cogauth.Result status = cogauth().exec("status", "--client-credentials", "--domain", server.domain(),
                    "--client-id", "machine", "--scope", "orders/read orders/write", "--output", "json").assertExit(0);
            JsonNode shown = JSON.readTree(status.stdout());
            status.check(shown.path("grant").asText().equals("client_credentials")
                    && shown.path("clientId").asText().equals("machine")
                    && shown.path("scope").asText().equals("orders/read orders/write"), "status of the client entry");

            cogauth().exec("signout", "--client-credentials", "--domain", server.domain(), "--client-id", "machine",
                    "--scope", "orders/write,orders/read").assertExit(0);
            Cogauth.Result after = cogauth().exec(token(server)).assertExit(4);
            after.check(after.stderr().contains("COGAUTH_CLIENT_SECRET"), "signed out: a new grant needs the secret");
        }
    }

    @Test
    void aLoopOfTokenCallsMakesOneGrantPerTokenLifetime() throws Exception {
        try (ClientCredentialsServer server = new ClientCredentialsServer(CLIENTS, Duration.ofHours(1))) {
            Set<String> printed = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                Cogauth.Result run = cogauth().env("COGAUTH_CLIENT_SECRET", SECRET).exec(token(server)).assertExit(0);
                run.check(run.stderr().isEmpty(), "nothing on stderr");
                printed.add(run.stdout().strip());
            }
            assertEquals(1, server.grants(), "one grant for four calls within the token's lifetime");
            assertEquals(1, printed.size(), "the same token every time");
        }
    }

    @Test
    void aTokenPastItsLifetimeIsGrantedAgain() throws Exception {
        try (ClientCredentialsServer server = new ClientCredentialsServer(CLIENTS, Duration.ofSeconds(2))) {
            String first = cogauth().env("COGAUTH_CLIENT_SECRET", SECRET).exec(token(server)).assertExit(0)
                    .stdout().strip();
            Instant expiry = Instant.ofEpochSecond(JSON.readTree(java.util.Base64.getUrlDecoder()
                    .decode(first.split("\\.")[1])).get("exp").asLong());
            while (!Instant.now().isAfter(expiry.plusSeconds(1))) {
                Thread.sleep(200);
            }
            String second = cogauth().env("COGAUTH_CLIENT_SECRET", SECRET).exec(token(server)).assertExit(0)
                    .stdout().strip();
            assertEquals(2, server.grants(), "an expired token is replaced by a new grant");
            assertFalse(first.equals(second), "a new token");
        }
    }

    @Test
    void concurrentCallersCauseOneGrant() throws Exception {
        int callers = 8;
        try (ClientCredentialsServer server = new ClientCredentialsServer(CLIENTS, Duration.ofHours(1))) {
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                List<Future<Cogauth.Result>> runs = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    runs.add(pool.submit(() -> cogauth().env("COGAUTH_CLIENT_SECRET", SECRET)
                            .timeout(Duration.ofMinutes(3)).exec(token(server))));
                }
                Set<String> printed = new HashSet<>();
                for (Future<Cogauth.Result> run : runs) {
                    printed.add(run.get().assertExit(0).stdout().strip());
                }
                assertEquals(1, server.grants(), callers + " concurrent callers, one grant");
                assertEquals(1, printed.size(), "all print the same token");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theSecretComesFromStdinWhenNotInTheEnvironment() throws Exception {
        try (ClientCredentialsServer server = new ClientCredentialsServer(CLIENTS, Duration.ofHours(1))) {
            cogauth().stdin(SECRET + "\n").exec("signin", "--client-credentials", "--domain", server.domain(),
                    "--client-id", "machine", "--output", "access-token").assertExit(0);
            assertEquals(List.of(""), server.scopesAsked(), "no --scope: no scope parameter, all allowed scopes");
        }
    }

    @Test
    void onATerminalSigninAsksForTheSecretWithoutEchoingIt() throws Exception {
        try (ClientCredentialsServer server = new ClientCredentialsServer(CLIENTS, Duration.ofHours(1));
             Tty tty = Tty.start(cogauth().env("NO_COLOR", "1").environment(), Cogauth.command("signin",
                     "--client-credentials", "--domain", server.domain(), "--client-id", "machine"))) {
            tty.awaitText("Client secret of machine", Duration.ofSeconds(60));
            tty.typeLine(SECRET);
            int exit = tty.awaitExit(Duration.ofSeconds(60));
            String screen = tty.screen();
            assertEquals(0, exit, () -> "exit code; screen:\n" + screen);
            assertFalse(screen.contains(SECRET), () -> "the secret was echoed:\n" + screen);
            assertTrue(screen.contains("Signed in as client machine"), () -> "the summary:\n" + screen);
            assertFalse(screen.contains("eyJ"), () -> "no raw token on a terminal:\n" + screen);
            assertEquals(1, server.grants());
        }
    }

    @Test
    void refusalsAreExit3WithWhatToCheckAndNeverTheSecret() throws Exception {
        try (ClientCredentialsServer server = new ClientCredentialsServer(CLIENTS, Duration.ofHours(1))) {
            String wrong = "not-the-secret-XYZ";
            Cogauth.Result badSecret = cogauth().env("COGAUTH_CLIENT_SECRET", wrong).exec(token(server)).assertExit(3);
            badSecret.check(badSecret.errorLines().size() == 1 && badSecret.stderr().contains("invalid_client")
                    && badSecret.stderr().contains("secret"), "one line naming invalid_client and the secret");
            badSecret.check(!badSecret.stderr().contains(wrong) && !badSecret.hasStackTrace(), "no secret, no stack");

            Cogauth.Result badScope = cogauth().env("COGAUTH_CLIENT_SECRET", SECRET).exec("token", "--client-credentials",
                    "--domain", server.domain(), "--client-id", "machine", "--scope", "orders/delete").assertExit(3);
            badScope.check(badScope.stderr().contains("invalid_scope") && badScope.stderr().contains("allowed"),
                    "invalid_scope and what to check");
            assertEquals(0, server.grants());
            assertTrue(Files.notExists(temp.resolve("cache")) || Files.list(temp.resolve("cache"))
                    .noneMatch(f -> f.toString().endsWith(".json")), "nothing cached");
        }
    }
}
