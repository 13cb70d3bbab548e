package dev.cogauth.it;

import static dev.cogauth.it.SignIns.questions;
import static dev.cogauth.it.SignIns.signedInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.PoolDefinition.DeviceTracking;
import dev.cogauth.localpool.PoolFile;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remembered devices end to end: the packaged cogauth against a local pool with device tracking
 * and TOTP MFA, served in this JVM so its log shows what reached it. {@code signin} confirms the
 * offered device (--remember-device also opts in where the pool asks); the next sign-in proves the device instead of asking
 * for the MFA code; refresh sends the device key; a device the pool forgot is forgotten by
 * cogauth too, and the sign-in still succeeds.
 */
class LocalPoolDevicesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POOL_ID = "us-east-1_ItDevices";
    private static final String CLIENT_ID = "itdevicesclient";
    private static InProcessPool pool;

    @BeforeAll
    static void start() throws Exception {
        pool = InProcessPool.start(PoolFile.load(ItResources.path("devices-pool.json")), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
    }

    /** Each test signs in its own user with its own cache: devices belong to a user. */
    private static Cogauth.Result cogauth(Path cache, String user, String... args) {
        Cogauth run = Cogauth.run().env("COGAUTH_CACHE_DIR", cache.toString())
                .env("COGAUTH_PASSWORD", user.equals("dana") ? "Dana-Passw0rd!" : "Dora-Passw0rd!");
        if (args[0].equals("signin") && !List.of(args).contains("--no-input")) {
            String secret = user.equals("dana") ? "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" : "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
            run.answers(Totp.ofBase32(secret).freshCode(Duration.ofSeconds(5)));
        }
        return run.exec(args);
    }

    private static String[] signin(String user, String... more) {
        return withOption(signin(pool, user), more);
    }

    private static String[] signin(InProcessPool target, String user) {
        return new String[] {"signin", "--pool-id", POOL_ID, "--client-id", CLIENT_ID,
            "--endpoint-url", target.endpoint().toString(), "--auth-flow", "USER_SRP_AUTH", "-u", user};
    }

    /** The device cogauth keeps beside the tokens in the user's only cache entry, or a missing node. */
    private static JsonNode cachedDevice(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> entries = files.filter(f -> f.getFileName().toString().startsWith(POOL_ID)
                    && f.toString().endsWith(".json")).toList();
            assertEquals(1, entries.size(), entries::toString);
            return JSON.readTree(entries.get(0).toFile()).path("device");
        }
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static List<String> logSince(int mark) {
        List<String> all = pool.log().all();
        return all.subList(mark, all.size());
    }

    @Test
    void aRememberedDeviceStandsInForTheMfaCodeAndRefreshesWithItsKey(@TempDir Path cache) throws Exception {
        int mark = pool.log().mark();
        Cogauth.Result first = cogauth(cache, "dana", signin("dana", "--remember-device"));
        signedInAs(first, "dana");
        assertEquals(List.of("Authenticator app code:"), questions(first), first::describe);
        String deviceKey = cachedDevice(cache).path("deviceKey").asText();
        assertTrue(deviceKey.startsWith("us-east-1_"), () -> "the device is cached: " + deviceKey);
        assertTrue(logSince(mark).contains("ConfirmDevice user dana device " + deviceKey + " (remembered)"),
                () -> "the pool confirmed the device:\n" + pool.log().text());
        String devicePassword = cachedDevice(cache).path("devicePassword").asText();
        first.check(!first.stdout().contains(devicePassword) && !first.stderr().contains(devicePassword),
                "the device password is never printed");

        mark = pool.log().mark();
        Cogauth.Result second = cogauth(cache, "dana", signin("dana", "--no-input"));
        signedInAs(second, "dana");
        assertEquals(List.of(), questions(second), second::describe);
        List<String> log = logSince(mark);
        assertTrue(log.contains("  remembered device " + deviceKey + ": no MFA")
                && log.contains("RespondToAuthChallenge DEVICE_PASSWORD_VERIFIER client " + CLIENT_ID + " user dana")
                && log.contains("  device verifier: correct"), () -> "device SRP instead of MFA:\n" + log);
        assertEquals(deviceKey, cachedDevice(cache).path("deviceKey").asText(), "the device stays remembered");

        // The refresh token belongs to a confirmed device: the pool refuses it without the device key.
        mark = pool.log().mark();
        Cogauth.Result refresh = cogauth(cache, "dana", "refresh");
        refresh.assertExit(0);
        List<String> refreshLog = logSince(mark);
        assertTrue(refreshLog.stream().anyMatch(line -> line.startsWith("GetTokensFromRefreshToken ← 200")),
                () -> "the refresh reached the pool and succeeded:\n" + refreshLog);
        Cogauth.Result token = cogauth(cache, "dana", "token", "--type", "access");
        token.assertExit(0);
        assertEquals(deviceKey, claims(token.stdout().strip()).path("device_key").asText(), token::describe);
    }

    @Test
    void aDeviceThePoolForgotIsForgottenAndTheSignInStillSucceeds(@TempDir Path cache) throws Exception {
        signedInAs(cogauth(cache, "dora", signin("dora", "--remember-device")), "dora");
        String forgotten = cachedDevice(cache).path("deviceKey").asText();
        Cogauth.Result token = cogauth(cache, "dora", "token", "--type", "access");
        token.assertExit(0);
        forgetDevice(token.stdout().strip(), forgotten);

        int mark = pool.log().mark();
        Cogauth.Result again = cogauth(cache, "dora", signin("dora", "--remember-device", "--debug"));
        signedInAs(again, "dora");
        again.check(again.stderr().contains("forgetting it and signing in again without it"), "cogauth says why it retried");
        assertEquals(List.of("Authenticator app code:"), questions(again), () -> "without the device, MFA is asked:\n"
                + again.describe());
        List<String> log = logSince(mark);
        assertTrue(log.stream().anyMatch(line -> line.startsWith("InitiateAuth ← ResourceNotFoundException")),
                () -> "the stale key was refused:\n" + log);
        String renewed = cachedDevice(cache).path("deviceKey").asText();
        assertNotEquals(forgotten, renewed, "the stale device is replaced by the new one the pool offered");
        assertTrue(log.contains("ConfirmDevice user dora device " + renewed + " (remembered)"), log::toString);
        assertFalse(again.stderr().contains(cachedDevice(cache).path("devicePassword").asText()));
    }

    /**
     * Under user-opt-in a confirmed device is not remembered until UpdateDeviceStatus says so. A
     * plain sign-in confirms it all the same (the next sign-in answers the MFA code, then proves
     * the device; a refresh sends its key); --remember-device marks it remembered, after which
     * the device stands in for the MFA code.
     */
    @Test
    void underUserOptInTheDeviceIsConfirmedAndRememberDeviceOptsIn(@TempDir Path cache) throws Exception {
        PoolDefinition tracking = pool.definition();
        PoolDefinition optIn = new PoolDefinition(tracking.poolId(), tracking.region(), tracking.mfa(),
                tracking.clients(), tracking.users(), tracking.triggers(), DeviceTracking.USER_OPT_IN);
        try (InProcessPool optInPool = InProcessPool.start(optIn, Clock.systemUTC())) {
            String[] signin = signin(optInPool, "dana");
            signedInAs(cogauth(cache, "dana", signin), "dana");
            String deviceKey = cachedDevice(cache).path("deviceKey").asText();
            assertTrue(optInPool.log().all().contains("ConfirmDevice user dana device " + deviceKey
                    + " (not remembered until UpdateDeviceStatus)"), optInPool.log()::text);

            int mark = optInPool.log().mark();
            Cogauth.Result second = cogauth(cache, "dana", signin);
            signedInAs(second, "dana");
            assertEquals(List.of("Authenticator app code:"), questions(second), second::describe);
            List<String> log = optInPool.log().all();
            List<String> since = log.subList(mark, log.size());
            assertTrue(since.contains("RespondToAuthChallenge SOFTWARE_TOKEN_MFA client " + CLIENT_ID + " user dana")
                    && since.contains("  device verifier: correct"), () -> "MFA, then the device:\n" + since);
            cogauth(cache, "dana", "refresh").assertExit(0);

            mark = optInPool.log().mark();
            signedInAs(cogauth(cache, "dana", withOption(signin, "--remember-device")), "dana");
            List<String> all = optInPool.log().all();
            assertTrue(all.subList(mark, all.size()).contains("UpdateDeviceStatus user dana device " + deviceKey
                    + " → remembered"), optInPool.log()::text);
            Cogauth.Result remembered = cogauth(cache, "dana", withOption(signin, "--no-input"));
            signedInAs(remembered, "dana");
            assertEquals(List.of(), questions(remembered), () -> "the device stands in for MFA:\n" + remembered.describe());
        }
    }

    /** As the official clients: every offered device is confirmed while the tokens are cached, none with --no-store. */
    @Test
    void aPlainSignInConfirmsTheOfferedDeviceAndRefreshesWithItsKeyButNoStoreConfirmsNothing(@TempDir Path cache)
            throws Exception {
        int mark = pool.log().mark();
        signedInAs(cogauth(cache, "dora", signin("dora", "--no-store")), "dora");
        assertTrue(logSince(mark).stream().noneMatch(line -> line.startsWith("ConfirmDevice")), pool.log()::text);

        mark = pool.log().mark();
        signedInAs(cogauth(cache, "dora", signin("dora")), "dora");
        String deviceKey = cachedDevice(cache).path("deviceKey").asText();
        assertTrue(logSince(mark).contains("ConfirmDevice user dora device " + deviceKey + " (remembered)"),
                pool.log()::text);
        Cogauth.Result refresh = cogauth(cache, "dora", "refresh", "-o", "access-token");
        refresh.assertExit(0);
        assertEquals(deviceKey, claims(refresh.stdout().strip()).path("device_key").asText(), refresh::describe);
    }

    private static String[] withOption(String[] args, String... options) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(options));
        return all.toArray(String[]::new);
    }

    /** ForgetDevice as an app would call it, with the user's access token. */
    private static void forgetDevice(String accessToken, String deviceKey) throws Exception {
        String body = JSON.createObjectNode().put("AccessToken", accessToken).put("DeviceKey", deviceKey).toString();
        HttpRequest request = HttpRequest.newBuilder(pool.endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ForgetDevice")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
    }
}
