package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.srp.SrpServer;
import dev.cogauth.srp.SrpVerifier;
import dev.cogauth.tokens.CacheKey;
import dev.cogauth.tokens.DeviceSecret;
import dev.cogauth.tokens.TokenCache;
import dev.cogauth.tokens.TokenEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code signin --remember-device} and later device sign-ins, in process against a small pool on
 * loopback that does devices as Cognito does: NewDeviceMetadata, ConfirmDevice with an SRP
 * verifier, DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER checked by the real SRP math, and
 * ResourceNotFoundException for a device key it does not know.
 */
class RememberedDeviceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String POOL_ID = "us-east-1_DevPool";
    private static final String GROUP_KEY = "-groupkey1";

    @TempDir
    Path home;
    private HttpServer server;
    private final List<String> calls = new ArrayList<>();
    /** Device key to the verifier ConfirmDevice registered. */
    private final Map<String, SrpVerifier> devices = new HashMap<>();
    private SrpServer deviceSrp;
    private String deviceSrpA;
    private int issued;
    /** Whether the pool leaves remembering a device to the user (UserConfirmationNecessary). */
    private boolean usersOptIn;

    @BeforeEach
    void startPool() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopPool() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target.substring(target.indexOf('.') + 1);
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            ObjectNode answer = JSON.createObjectNode();
            int status = 200;
            switch (operation) {
                case "InitiateAuth" -> {
                    String deviceKey = request.path("AuthParameters").path("DEVICE_KEY").asText(null);
                    calls.add("InitiateAuth" + (deviceKey == null ? "" : " DEVICE_KEY=" + deviceKey));
                    if (deviceKey != null && !devices.containsKey(deviceKey)) {
                        status = 400;
                        answer.put("__type", "ResourceNotFoundException").put("message", "Device does not exist.");
                    } else if (deviceKey != null) {
                        answer.put("ChallengeName", "DEVICE_SRP_AUTH").put("Session", "s1")
                                .putObject("ChallengeParameters").put("USERNAME", "alice");
                    } else {
                        tokens(answer, true);
                    }
                }
                case "ConfirmDevice" -> {
                    String key = request.get("DeviceKey").asText();
                    calls.add("ConfirmDevice " + key);
                    JsonNode config = request.get("DeviceSecretVerifierConfig");
                    devices.put(key, SrpVerifier.fromBase64(config.get("Salt").asText(),
                            config.get("PasswordVerifier").asText()));
                    answer.put("UserConfirmationNecessary", usersOptIn);
                }
                case "UpdateDeviceStatus" -> calls.add("UpdateDeviceStatus " + request.get("DeviceKey").asText() + " "
                        + request.get("DeviceRememberedStatus").asText());
                case "RespondToAuthChallenge" -> {
                    String name = request.get("ChallengeName").asText();
                    JsonNode r = request.get("ChallengeResponses");
                    String deviceKey = r.path("DEVICE_KEY").asText();
                    calls.add(name + " DEVICE_KEY=" + deviceKey);
                    if (name.equals("DEVICE_SRP_AUTH")) {
                        deviceSrpA = r.get("SRP_A").asText();
                        deviceSrp = SrpServer.start(devices.get(deviceKey), RANDOM);
                        answer.put("ChallengeName", "DEVICE_PASSWORD_VERIFIER").put("Session", "s2")
                                .putObject("ChallengeParameters").put("USERNAME", "alice")
                                .put("SALT", devices.get(deviceKey).saltHex()).put("SRP_B", deviceSrp.publicKeyHex())
                                .put("SECRET_BLOCK", "c2VjcmV0LWJsb2Nr");
                    } else if (deviceSrp.verifyPasswordClaim(GROUP_KEY, deviceKey, deviceSrpA, "c2VjcmV0LWJsb2Nr",
                            r.get("TIMESTAMP").asText(), r.get("PASSWORD_CLAIM_SIGNATURE").asText())) {
                        tokens(answer, false);
                    } else {
                        status = 400;
                        answer.put("__type", "NotAuthorizedException").put("message", "Incorrect device proof.");
                    }
                }
                default -> {
                    status = 400;
                    answer.put("__type", "UnknownOperationException").put("message", operation);
                }
            }
            byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void tokens(ObjectNode answer, boolean offerDevice) {
        issued++;
        AuthenticationResult t = TestJwts.tokens("alice", Instant.now().plusSeconds(3600), "refresh-" + issued);
        ObjectNode result = answer.putObject("AuthenticationResult").put("IdToken", t.idToken())
                .put("AccessToken", t.accessToken()).put("RefreshToken", t.refreshToken()).put("ExpiresIn", 3600)
                .put("TokenType", "Bearer");
        if (offerDevice) {
            result.putObject("NewDeviceMetadata").put("DeviceKey", "us-east-1_device-" + issued)
                    .put("DeviceGroupKey", GROUP_KEY);
        }
    }

    private CliRun signIn(String... extra) {
        List<String> args = new ArrayList<>(List.of("signin", "--pool-id", POOL_ID, "--client-id", "client1",
                "--endpoint-url", "http://127.0.0.1:" + server.getAddress().getPort(), "--auth-flow",
                "USER_PASSWORD_AUTH", "-u", "alice", "-o", "json"));
        args.addAll(List.of(extra));
        return CliRun.of(Map.of("HOME", home.toString(), "COGAUTH_CACHE_DIR", home.resolve("cache").toString(),
                "COGAUTH_PASSWORD", "pw"), Clock.systemUTC(), "", args.toArray(String[]::new));
    }

    private TokenEntry cached() {
        return new TokenCache(home.resolve("cache"), warning -> { })
                .read(new CacheKey("us-east-1", POOL_ID, "client1", "alice")).orElseThrow();
    }

    @Test
    void a_confirmed_device_is_cached_and_later_sign_ins_prove_it_by_srp() {
        CliRun first = signIn("--remember-device");
        assertEquals(0, first.exitCode(), first.toString());
        DeviceSecret device = cached().device();
        assertNotNull(device, "the device is kept beside the tokens");
        assertEquals(List.of("InitiateAuth", "ConfirmDevice " + device.deviceKey()), calls);
        assertFalse(first.out().contains(device.devicePassword()) || first.err().contains(device.devicePassword()));

        calls.clear();
        CliRun second = signIn("--debug");
        assertEquals(0, second.exitCode(), second.toString());
        assertEquals(List.of("InitiateAuth DEVICE_KEY=" + device.deviceKey(),
                "DEVICE_SRP_AUTH DEVICE_KEY=" + device.deviceKey(),
                "DEVICE_PASSWORD_VERIFIER DEVICE_KEY=" + device.deviceKey()), calls);
        assertEquals(device, cached().device(), "the device stays remembered");
        assertFalse(second.err().contains(device.devicePassword()));
    }

    @Test
    void a_stale_device_is_forgotten_and_the_sign_in_retried_without_it() {
        signIn();
        TokenCache cache = new TokenCache(home.resolve("cache"), warning -> { });
        cache.store(cached().withDevice(new DeviceSecret("us-east-1_forgotten", GROUP_KEY, "old-password")));
        calls.clear();

        CliRun run = signIn();

        assertEquals(0, run.exitCode(), run.toString());
        String offered = cached().device().deviceKey();
        assertEquals(List.of("InitiateAuth DEVICE_KEY=us-east-1_forgotten", "InitiateAuth", "ConfirmDevice " + offered),
                calls, "the device the pool offers instead is confirmed");
    }

    @Test
    void an_offered_device_is_confirmed_and_kept_without_remember_device_as_the_official_clients_do() {
        CliRun run = signIn();
        assertEquals(0, run.exitCode(), run.toString());
        DeviceSecret device = cached().device();
        assertNotNull(device, "kept beside the tokens, for refresh");
        assertEquals(List.of("InitiateAuth", "ConfirmDevice " + device.deviceKey()), calls);
    }

    @Test
    void with_no_store_nothing_is_confirmed() {
        CliRun run = signIn("--no-store");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("InitiateAuth"), calls);
    }

    @Test
    void where_users_opt_in_remember_device_marks_the_device_remembered_and_only_then() {
        usersOptIn = true;
        CliRun plain = signIn();
        assertEquals(0, plain.exitCode(), plain.toString());
        String first = cached().device().deviceKey();
        assertEquals(List.of("InitiateAuth", "ConfirmDevice " + first), calls);

        calls.clear();
        new TokenCache(home.resolve("cache"), warning -> { }).update(
                new CacheKey("us-east-1", POOL_ID, "client1", "alice"), entry -> entry.withDevice(null));
        CliRun remembered = signIn("--remember-device");
        assertEquals(0, remembered.exitCode(), remembered.toString());
        String second = cached().device().deviceKey();
        assertEquals(List.of("InitiateAuth", "ConfirmDevice " + second, "UpdateDeviceStatus " + second + " remembered"),
                calls);
        assertFalse(remembered.err().contains("warning"), remembered.err());
    }

    @Test
    void remember_device_with_no_store_is_a_usage_error() {
        CliRun run = signIn("--remember-device", "--no-store");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(calls.isEmpty());
    }
}
