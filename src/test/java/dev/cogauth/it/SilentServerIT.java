package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cogauth.tokens.CacheKey;
import dev.cogauth.tokens.TokenCache;
import dev.cogauth.tokens.TokenEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that accepts connections and never answers: every command that calls a pool gives up when its
 * {@code --timeout} passes, with exit code 6 and one line naming the endpoint. The harness's own limit (60 s,
 * against the SDK's former 4 tries of 30 s) only bounds the wait; nothing here asserts a speed.
 */
class SilentServerIT {
    private static final Duration HARNESS_LIMIT = Duration.ofSeconds(60);
    private static final CacheKey KEY = new CacheKey("us-east-1", "us-east-1_Silent1", "silentclient", "alice");

    @TempDir
    Path temp;
    private ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private String endpoint;

    @BeforeEach
    void startTheSilentServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        endpoint = "http://127.0.0.1:" + server.getLocalPort();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(server.accept()); // kept open, never read from or written to
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopIt() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void signinGivesUpAtTheTimeout() {
        Cogauth.Result run = Cogauth.run().timeout(HARNESS_LIMIT).env("COGAUTH_PASSWORD", "Some-pass-1")
                .exec("signin", "--pool-id", KEY.poolId(), "--client-id", KEY.clientId(), "--endpoint-url", endpoint,
                        "--auth-flow", "USER_PASSWORD_AUTH", "-u", "alice", "--no-input", "--timeout", "2s")
                .assertExit(6);
        assertOneLineNamingTheEndpoint(run);
        run.check(!held.isEmpty(), "cogauth reached the server");
    }

    @Test
    void tokenGivesUpAtTheTimeoutWhenItMustRefresh() {
        cache().store(entry(Instant.now().minusSeconds(60), null));
        Cogauth.Result run = Cogauth.run().timeout(HARNESS_LIMIT).env("COGAUTH_CACHE_DIR", cacheDir().toString())
                .exec("token", "--timeout", "2s").assertExit(6);
        assertOneLineNamingTheEndpoint(run);
    }

    @Test
    void credentialsGiveUpAtTheTimeoutOfTheIdentityPool() {
        cache().store(entry(Instant.now().plusSeconds(3600), "us-east-1:0a1b2c3d-0000-4000-8000-000000000000"));
        Cogauth.Result run = Cogauth.run().timeout(HARNESS_LIMIT).env("COGAUTH_CACHE_DIR", cacheDir().toString())
                .exec("credentials", "--identity-endpoint-url", endpoint, "--timeout", "2s").assertExit(6);
        assertOneLineNamingTheEndpoint(run);
    }

    @Test
    void aZeroTimeoutIsAUsageError() {
        Cogauth.Result run = Cogauth.run().exec("token", "--timeout", "0s").assertExit(2);
        run.check(run.stderr().contains("--timeout"), "names the option");
    }

    private void assertOneLineNamingTheEndpoint(Cogauth.Result run) {
        assertEquals(List.of("cogauth: no answer from " + endpoint + " within 2s (wait longer with --timeout)"),
                run.stderrLines(), run::describe);
        run.check(run.stdout().isEmpty(), "nothing on stdout");
    }

    private Path cacheDir() {
        return temp.resolve("cache");
    }

    private TokenCache cache() {
        return new TokenCache(cacheDir(), warning -> { });
    }

    /** Tokens of alice that expire at {@code exp}, cached from a sign-in at the silent server. */
    private TokenEntry entry(Instant exp, String identityPoolId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"cognito:username\":\"alice\",\"exp\":" + exp.getEpochSecond() + "}";
        String jwt = b64.encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".unsigned";
        return new TokenEntry(KEY, null, endpoint, jwt, jwt, "refresh-token", "Bearer", exp, null, null,
                identityPoolId, null, null, null);
    }
}
