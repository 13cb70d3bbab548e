package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The machine's {@code moto_server} on a free loopback port, once per test class:
 * <pre>{@code @RegisterExtension static final MotoServer moto = new MotoServer();}</pre>
 * TOTP checking is on ({@code MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP=true}), so MFA codes must
 * be real. Missing moto_server skips the class, or fails it with CI=true.
 */
final class MotoServer implements BeforeAllCallback, AfterAllCallback {
    static final Region REGION = Region.US_EAST_1;
    private static final Duration STARTUP = Duration.ofSeconds(60);

    /** The class that started the server: @Nested classes see the extension too, and share it. */
    private String owner;
    private Process process;
    /** Stops moto even if the test JVM is ended early, so no server outlives the build. */
    private Thread stopOnExit;
    private Path log;
    private URI endpoint;
    private CognitoIdentityProviderClient cognito;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (owner != null) {
            return;
        }
        owner = context.getUniqueId();
        Path executable = RequiredTool.require("moto_server", "the sign-in tests against moto's Cognito");
        int port = freeLoopbackPort();
        log = Files.createTempFile("moto-server-", ".log");
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP", "true");
        process = builder.start();
        Process started = process;
        stopOnExit = new Thread(() -> {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        });
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        endpoint = URI.create("http://127.0.0.1:" + port);
        awaitAnswer();
        cognito = CognitoIdentityProviderClient.builder()
                .region(REGION)
                .endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (!context.getUniqueId().equals(owner)) {
            return;
        }
        owner = null;
        if (cognito != null) {
            cognito.close();
        }
        if (process != null) {
            // The PATH entry may be a wrapper (pyenv shim): stop what it started too.
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    /** Where cogauth's --endpoint-url points. */
    URI endpoint() {
        return endpoint;
    }

    /** An SDK client with dummy credentials, for provisioning (admin calls are fine in setup). */
    CognitoIdentityProviderClient cognito() {
        return cognito;
    }

    /** A new pool with a public app client that allows USER_PASSWORD_AUTH. */
    MotoPool newPool(String name) {
        return MotoPool.create(cognito, name);
    }

    private void awaitAnswer() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("moto_server exited with " + process.exitValue() + " before answering:\n" + logText());
            }
            if (answers()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("moto_server did not answer on " + endpoint + " within " + STARTUP.toSeconds() + "s:\n" + logText());
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() > 0;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    private String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
