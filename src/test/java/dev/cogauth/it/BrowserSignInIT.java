package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code cogauth signin --browser} against the local pool's managed login, with a real browser:
 * Debian's chromium, headless, is what BROWSER opens, and it fills in the pool's pages as a
 * user would. The pages are saved as screenshots under target/browser-screenshots/.
 */
class BrowserSignInIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalPoolProcess pool;
    private static Path config;
    private static int secretClientPort;

    @TempDir
    Path dir;
    private BrowserHandoff browser;
    private Path cache;

    @BeforeAll
    static void startPool(@TempDir Path poolDir) throws IOException {
        // Callback URLs on free ports: the client registers exactly the port cogauth will listen on.
        secretClientPort = freePort();
        String poolFile = Files.readString(ItResources.path("managed-login-pool.json"))
                .replace("38511", String.valueOf(freePort()))
                .replace("38512", String.valueOf(secretClientPort));
        Path file = poolDir.resolve("pool.json");
        Files.writeString(file, poolFile);
        config = poolDir.resolve("local.json");
        pool = LocalPoolProcess.start(file, "--write-config", config.toString());
    }

    @AfterAll
    static void stopPool() throws InterruptedException {
        if (pool != null) {
            pool.stop();
        }
    }

    @BeforeEach
    void handoff() throws IOException {
        browser = BrowserHandoff.in(dir);
        cache = Files.createDirectory(dir.resolve("cache"));
    }

    @Test
    void signs_in_on_the_pools_page_then_refreshes_and_signs_out_in_the_browser() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            WebDriver page = chromium.driver();
            CompletableFuture<Cogauth.Result> signin = inBackground("signin", "--browser", "--config",
                    config.toString(), "-o", "json");
            page.get(browser.awaitUrl().toString());
            await(page, By.id("signin"));
            assertTrue(page.getTitle().startsWith("Sign in"), page.getTitle());
            chromium.screenshot("local-pool-sign-in-page");
            fillSignIn(page, "bella", "Bella-Passw0rd!");
            WebElement done = await(page, By.id("cogauth-ok"));
            assertEquals("Signed in", done.findElement(By.id("heading")).getText());
            assertTrue(page.getCurrentUrl().startsWith("http://localhost:"), page.getCurrentUrl());
            chromium.screenshot("cogauth-you-can-close-this-tab");

            Cogauth.Result result = signin.get().assertExit(0);
            assertEquals("bella", IdToken.claims(result).get("cognito:username").asText());
            assertTrue(!result.stderr().contains(JSON.readTree(result.stdout()).get("IdToken").asText()),
                    "no token on stderr");

            JsonNode status = JSON.readTree(cogauth().exec("status", "-o", "json").assertExit(0).stdout());
            assertEquals("browser", status.get("signedInWith").asText());
            assertEquals(pool.endpoint().toString(), status.get("managedLogin").asText());

            int beforeRefresh = pool.stderr().mark();
            cogauth().exec("refresh").assertExit(0);
            // Its log comes through a pipe, possibly after the answer did: wait for the line, do not race it.
            pool.stderr().await(Pattern.compile("REFRESH_TOKEN_AUTH"), beforeRefresh, Duration.ofSeconds(60));

            CompletableFuture<Cogauth.Result> signout = inBackground("signout", "--browser",
                    "--browser-timeout", "90s");
            URI logout = browser.awaitUrl();
            assertEquals("/logout", logout.getPath());
            // Only the managed login's own redirect (a GET of the exact sign-out URL, nothing added) ends the wait.
            String logoutUri = query(logout).get("logout_uri");
            assertEquals(400, get(logoutUri + "?code=x&state=y").statusCode());
            assertEquals(404, get(URI.create(logoutUri).resolve("/favicon.ico").toString()).statusCode());
            assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(logoutUri))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
            page.get(logout.toString());
            WebElement signedOut = await(page, By.id("cogauth-ok"));
            assertEquals("Signed out", signedOut.findElement(By.id("heading")).getText());
            Cogauth.Result signedOutRun = signout.get().assertExit(0);
            signedOutRun.check(signedOutRun.stderr().contains("Waiting up to 1m30s for the browser to come back to "
                    + logoutUri + " (--browser-timeout)"), "says how long it waits");
            cogauth().exec("status").assertExit(4);
        }
    }

    @Test
    void without_openid_the_access_token_is_cached_and_printed_and_what_needs_an_id_token_says_so() throws Exception {
        Cogauth.Result noIdTokenToPrint = cogauth().exec("signin", "--browser", "--config", config.toString(), "--scope",
                "aws.cognito.signin.user.admin", "-o", "id-token").assertExit(2);
        noIdTokenToPrint.check(noIdTokenToPrint.stderr().contains("--output id-token needs the openid scope"),
                "refused before the browser is opened");
        try (Chromium chromium = Chromium.start()) {
            WebDriver page = chromium.driver();
            CompletableFuture<Cogauth.Result> signin = inBackground("signin", "--browser", "--config",
                    config.toString(), "--scope", "aws.cognito.signin.user.admin", "-o", "json");
            URI authorize = browser.awaitUrl();
            assertEquals(null, query(authorize).get("nonce"), "no nonce without openid");
            page.get(authorize.toString());
            fillSignIn(page, "bella", "Bella-Passw0rd!");
            await(page, By.id("cogauth-ok"));
            Cogauth.Result result = signin.get().assertExit(0);
            JsonNode tokens = JSON.readTree(result.stdout());
            result.check(!tokens.has("IdToken"), "no ID token without openid");
            String access = tokens.get("AccessToken").asText();
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
            assertEquals("bella", claims.get("username").asText());
            assertEquals("aws.cognito.signin.user.admin", claims.get("scope").asText());

            // From the cache, keyed by the access token's username: the access token is the token there is.
            assertEquals(access + "\n", cogauth().exec("token").assertExit(0).stdout());
            assertEquals(access + "\n", cogauth().exec("token", "--type", "access").assertExit(0).stdout());
            Cogauth.Result id = cogauth().exec("token", "--type", "id").assertExit(4);
            id.check(id.stdout().isEmpty() && id.stderr().lines().count() == 1
                    && id.stderr().startsWith("cogauth: --type id needs an ID token")
                    && id.stderr().contains("without the openid scope"), "one line saying why");
            Cogauth.Result kube = cogauth().exec("exec-credential").assertExit(4);
            kube.check(kube.stderr().contains("without the openid scope"), "exec-credential says why");
            Cogauth.Result aws = cogauth().exec("credentials", "--identity-pool-id",
                    "us-east-1:00000000-0000-0000-0000-000000000000").assertExit(4);
            aws.check(aws.stderr().lines().count() == 1 && aws.stderr().startsWith("cogauth: an identity pool")
                    && aws.stderr().contains("needs an ID token"), "credentials says why in one line");

            JsonNode status = JSON.readTree(cogauth().exec("status", "-o", "json").assertExit(0).stdout());
            assertEquals("bella", status.get("username").asText());
            assertTrue(status.get("idToken").isNull(), status.toString());
            assertEquals("browser", status.get("signedInWith").asText());

            int beforeRefresh = pool.stderr().mark();
            Cogauth.Result refreshed = cogauth().exec("refresh", "-o", "json").assertExit(0);
            pool.stderr().await(Pattern.compile("REFRESH_TOKEN_AUTH"), beforeRefresh, Duration.ofSeconds(60));
            String newAccess = JSON.readTree(refreshed.stdout()).get("AccessToken").asText();
            refreshed.check(!newAccess.equals(access), "a new access token");
            assertEquals(newAccess + "\n", cogauth().exec("token").assertExit(0).stdout());

            cogauth().exec("signout").assertExit(0);
            cogauth().exec("token").assertExit(4);
        }
    }

    @Test
    void email_without_openid_is_refused_by_the_pool_as_cognito_refuses_it() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            WebDriver page = chromium.driver();
            CompletableFuture<Cogauth.Result> signin = inBackground("signin", "--browser", "--config",
                    config.toString(), "--scope", "email");
            page.get(browser.awaitUrl().toString());
            WebElement failed = await(page, By.id("cogauth-failed"));
            assertTrue(failed.getText().contains("invalid_scope"), failed.getText());
            Cogauth.Result result = signin.get().assertExit(3);
            result.check(result.stderr().contains("invalid_scope") && result.stderr().contains("openid"),
                    "the pool's reason");
        }
    }

    @Test
    void a_federated_user_signs_in_through_the_pretend_provider() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            WebDriver page = chromium.driver();
            CompletableFuture<Cogauth.Result> signin = inBackground("signin", "--browser", "--config",
                    config.toString(), "--identity-provider", "PretendIdP", "-o", "json");
            page.get(browser.awaitUrl().toString());
            await(page, By.id("federated"));
            assertEquals("PretendIdP", page.findElement(By.id("provider")).getText());
            page.findElement(By.id("email")).sendKeys("fed@example.com");
            page.findElement(By.id("continue")).click();
            await(page, By.id("cogauth-ok"));
            signin.get().assertExit(0);
            JsonNode status = JSON.readTree(cogauth().exec("status", "-o", "json").assertExit(0).stdout());
            assertEquals("PretendIdP", status.get("identityProvider").asText());
            assertTrue(status.get("username").asText().startsWith("PretendIdP_"), status.toString());
        }
    }

    @Test
    void a_wrong_password_stays_on_the_page_and_cogauth_times_out_cleanly() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            WebDriver page = chromium.driver();
            CompletableFuture<Cogauth.Result> signin = inBackground("signin", "--browser", "--config",
                    config.toString(), "--browser-timeout", "15s");
            page.get(browser.awaitUrl().toString());
            fillSignIn(page, "bella", "not-her-password");
            WebElement error = await(page, By.id("error"));
            assertEquals("Incorrect username or password.", error.getText());
            chromium.screenshot("local-pool-wrong-password");
            Cogauth.Result result = signin.get().assertExit(4);
            assertTrue(result.stderr().contains("--browser-timeout"), result.stderr());
            assertTrue(!result.stderr().contains("Exception"), result.stderr());
        }
    }

    @Test
    void a_redirect_with_another_state_gets_an_error_page_and_cogauth_keeps_waiting() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            WebDriver page = chromium.driver();
            CompletableFuture<Cogauth.Result> signin = inBackground("signin", "--browser", "--config",
                    config.toString(), "--browser-timeout", "20s");
            String url = browser.awaitUrl().toString();
            page.get(url.replaceFirst("state=[^&]+", "state=forged"));
            fillSignIn(page, "bella", "Bella-Passw0rd!");
            WebElement failed = await(page, By.id("cogauth-failed"));
            assertTrue(failed.getText().contains("state does not match"), failed.getText());
            Cogauth.Result result = signin.get().assertExit(4);
            result.check(result.stderr().contains("refused a request to ") && result.stderr().contains("still waiting"),
                    "tells the user about the refused redirect");
            result.check(result.stderr().contains("--browser-timeout"), "then timed out");
        }
    }

    @Test
    void a_forged_redirect_does_not_end_the_real_sign_in() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            WebDriver page = chromium.driver();
            CompletableFuture<Cogauth.Result> signin = inBackground("signin", "--browser", "--config",
                    config.toString(), "-o", "json");
            URI url = browser.awaitUrl();
            String redirect = query(url).get("redirect_uri");
            HttpResponse<String> forged = get(redirect + "?code=x&state=wrong");
            assertEquals(400, forged.statusCode());
            assertTrue(forged.body().contains("state does not match"), forged.body());
            assertEquals(400, get(redirect + "?code=x").statusCode());
            page.get(url.toString());
            fillSignIn(page, "bella", "Bella-Passw0rd!");
            await(page, By.id("cogauth-ok"));
            Cogauth.Result result = signin.get().assertExit(0);
            assertEquals("bella", IdToken.claims(result).get("cognito:username").asText());
        }
    }

    @Test
    void idle_connections_to_the_callback_port_do_not_keep_the_browser_out() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try (Chromium chromium = Chromium.start()) {
            WebDriver page = chromium.driver();
            CompletableFuture<Cogauth.Result> signin = inBackground("signin", "--browser", "--config",
                    config.toString(), "-o", "json", "--browser-timeout", "90s");
            URI url = browser.awaitUrl();
            int port = URI.create(query(url).get("redirect_uri")).getPort();
            for (int i = 0; i < 4; i++) {
                Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port);
                socket.getOutputStream().write("GET /callback HTTP/1.1\r\nHost: x".getBytes(StandardCharsets.US_ASCII));
                idle.add(socket);
            }
            page.get(url.toString());
            fillSignIn(page, "bella", "Bella-Passw0rd!");
            await(page, By.id("cogauth-ok"));
            signin.get().assertExit(0);
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    @Test
    void a_localhost_redirect_whose_ipv6_port_another_process_holds_is_refused_at_once() throws Exception {
        try (ServerSocket attacker = new ServerSocket()) {
            try {
                attacker.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            } catch (IOException noIpv6) {
                assumeTrue(false, "this machine has no IPv6 loopback (::1): " + noIpv6.getMessage());
            }
            int port = attacker.getLocalPort();
            Cogauth.Result result = cogauth().exec("signin", "--browser", "--pool-id", "us-east-1_BrowserPool",
                    "--client-id", "browserapp", "--domain", pool.endpoint().toString(), "--redirect-uri",
                    "http://localhost:" + port + "/callback", "--browser-timeout", "20s").assertExit(5);
            assertEquals(1, result.stderrLines().size(), result::describe);
            result.check(result.stderr().contains("port " + port + " on [::1] is in use"), "names the address");
        }
    }

    @Test
    void a_redirect_uri_with_an_impossible_port_is_a_usage_error() {
        Cogauth.Result result = cogauth().exec("signin", "--browser", "--pool-id", "us-east-1_BrowserPool",
                "--client-id", "browserapp", "--domain", pool.endpoint().toString(), "--redirect-uri",
                "http://localhost:99999/cb").assertExit(2);
        assertEquals(1, result.stderrLines().size(), result::describe);
        result.check(result.stderr().startsWith("cogauth: --redirect-uri: ") && result.stderr().contains("99999"),
                "one line naming the option and the port");
    }

    @Test
    void a_failing_browser_command_is_shown_instead_of_opened() throws Exception {
        Path bin = fakeXdgOpen("echo 'xdg-open: no method available for opening' >&2; exit 3");
        Path failing = dir.resolve("failing-browser.sh");
        Path seenEnv = dir.resolve("browser-env");
        Files.writeString(failing, "#!/bin/sh\nenv > '" + seenEnv + "'\necho 'starting the browser' >&2\n"
                + "echo 'Error: no DISPLAY' >&2\nexit 7\n");
        failing.toFile().setExecutable(true);
        Cogauth.Result result = Cogauth.run().env("BROWSER", failing.toString())
                .env("COGAUTH_PASSWORD", "pw-not-for-the-browser").env("COGAUTH_TOTP_SECRET", "JBSWY3DPEHPK3PXP")
                .env("PATH", bin + ":" + System.getenv("PATH")).env("COGAUTH_CACHE_DIR", cache.toString())
                .exec("signin", "--browser", "--pool-id", "us-east-1_BrowserPool", "--client-id", "browserapp",
                        "--domain", pool.endpoint().toString(), "--redirect-uri", "http://127.0.0.1:" + freePort()
                                + "/callback", "--browser-timeout", "3s")
                .assertExit(4);
        result.check(result.stderr().contains("cogauth: could not open a browser: " + failing
                + " exited with 7: Error: no DISPLAY"), "shows the BROWSER command's failure");
        result.check(result.stderr().contains("cogauth: could not open a browser: xdg-open exited with 3: xdg-open:"
                + " no method available for opening"), "and the platform opener's");
        result.check(!result.stderr().contains("Opened the sign-in page"), "does not claim it opened");
        String browserEnv = Files.readString(seenEnv);
        result.check(browserEnv.contains("PATH=") && !browserEnv.contains("COGAUTH_PASSWORD")
                && !browserEnv.contains("COGAUTH_TOTP_SECRET"), "the BROWSER command gets no secret: " + browserEnv);
        result.check(result.stderr().contains("Open this URL in a browser"), "says to open it instead");
    }

    @Test
    void over_ssh_without_a_display_no_browser_is_run_and_the_pasted_address_signs_in() throws Exception {
        Path bin = fakeXdgOpen("touch '" + dir.resolve("xdg-open-ran") + "'");
        Cogauth run = Cogauth.run().env("PATH", bin + ":" + System.getenv("PATH"))
                .env("COGAUTH_CACHE_DIR", cache.toString())
                .env("SSH_CONNECTION", "192.0.2.7 50000 192.0.2.8 22");
        try (Chromium chromium = remoteChromium();
             CogauthDialog signin = CogauthDialog.start(run, "signin", "--browser", "--config", config.toString(),
                     "-o", "json")) {
            String url = signin.awaitStderr(Pattern.compile("^  (http\\S+/oauth2/authorize\\?\\S+)$"));
            signin.awaitStderr(Pattern.compile("paste that whole address here"));
            String redirect = query(URI.create(url)).get("redirect_uri");
            String landed = signInWhereTheRedirectCannotArrive(chromium, url, redirect);
            // A typo or another sign-in's address is answered, and the next line read.
            signin.answer(landed.replaceFirst("state=[^&]+", "state=old-tab"));
            signin.awaitStderr(Pattern.compile("state does not match"));
            signin.answer(landed);
            Cogauth.Result result = signin.finish().assertExit(0);
            assertEquals("bella", IdToken.claims(result).get("cognito:username").asText());
            result.check(result.stderr().contains("cogauth: not opening a browser: this is an SSH session without a"
                    + " display"), "says why no browser was opened");
        }
        assertTrue(!Files.exists(dir.resolve("xdg-open-ran")), "no browser launcher was run");
    }

    @Test
    void an_address_pasted_on_a_terminal_signs_in() throws Exception {
        List<String> command = Cogauth.command("signin", "--browser", "--no-browser", "--config",
                config.toString());
        Map<String, String> env = new LinkedHashMap<>(cogauth().environment());
        try (Chromium chromium = remoteChromium(); Tty tty = Tty.start(env, command)) {
            tty.awaitText("paste that whole address here", PAGE_WAIT);
            Matcher url = Pattern.compile("(http://\\S+/oauth2/authorize\\?\\S+)").matcher(tty.screen());
            assertTrue(url.find(), tty.screen());
            String redirect = query(URI.create(url.group(1))).get("redirect_uri");
            String landed = signInWhereTheRedirectCannotArrive(chromium, url.group(1), redirect);
            tty.typeLine(landed);
            int exit = tty.awaitExit(PAGE_WAIT);
            String screen = tty.screen();
            assertEquals(0, exit, () -> "exit code; screen:\n" + screen);
        }
        JsonNode status = JSON.readTree(cogauth().exec("status", "-o", "json").assertExit(0).stdout());
        assertEquals("bella", status.get("username").asText());
    }

    /**
     * A browser as if on another machine: everything but the pool goes through a proxy that is not there, so
     * the redirect to cogauth's loopback address fails to load, as it does on the user's laptop.
     */
    private static Chromium remoteChromium() throws IOException {
        int nothing = freePort();
        return Chromium.start(List.of("--proxy-server=http://127.0.0.1:" + nothing,
                "--proxy-bypass-list=<-loopback>;127.0.0.1:" + pool.endpoint().getPort()));
    }

    /** Signs bella in; the browser ends on the redirect's address, which failed to load: what the user copies. */
    private static String signInWhereTheRedirectCannotArrive(Chromium chromium, String url, String redirect) {
        WebDriver page = chromium.driver();
        page.get(url);
        fillSignIn(page, "bella", "Bella-Passw0rd!");
        new WebDriverWait(page, PAGE_WAIT).until(driver -> driver.getCurrentUrl().startsWith(redirect + "?"));
        return page.getCurrentUrl();
    }

    private Path fakeXdgOpen(String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path opener = bin.resolve("xdg-open");
        Files.writeString(opener, "#!/bin/sh\n" + body + "\n");
        opener.toFile().setExecutable(true);
        return bin;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_access_denied_redirect_is_refused_with_the_pools_text() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            WebDriver page = chromium.driver();
            CompletableFuture<Cogauth.Result> signin = inBackground("signin", "--browser", "--config",
                    config.toString(), "--identity-provider", "PretendIdP");
            page.get(browser.awaitUrl().toString());
            await(page, By.id("federated"));
            page.findElement(By.id("cancel")).click();
            WebElement failed = await(page, By.id("cogauth-failed"));
            assertTrue(failed.getText().contains("access_denied"), failed.getText());
            Cogauth.Result result = signin.get().assertExit(3);
            assertTrue(result.stderr().contains("access_denied: The user cancelled the sign-in at PretendIdP."),
                    result.stderr());
        }
    }

    @Test
    void a_client_with_a_secret_exchanges_the_code_with_http_basic() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            WebDriver page = chromium.driver();
            String redirect = "http://127.0.0.1:" + secretClientPort + "/cb";
            CompletableFuture<Cogauth.Result> signin = CompletableFuture.supplyAsync(() -> cogauth()
                    .env("COGAUTH_CLIENT_SECRET", "browser-client-s3cret")
                    .exec("signin", "--browser", "--pool-id", "us-east-1_BrowserPool", "--client-id", "browsersecret",
                            "--endpoint-url", pool.endpoint().toString(), "--domain", pool.endpoint().toString(),
                            "--redirect-uri", redirect, "--scope", "openid email", "--login-hint", "bella",
                            "-o", "json"));
            URI url = browser.awaitUrl();
            assertTrue(url.getRawQuery().contains("login_hint=bella"), url.toString());
            page.get(url.toString());
            await(page, By.id("signin"));
            assertEquals("bella", page.findElement(By.id("username")).getAttribute("value"));
            page.findElement(By.id("password")).sendKeys("Bella-Passw0rd!");
            page.findElement(By.id("submit")).click();
            await(page, By.id("cogauth-ok"));
            JsonNode tokens = JSON.readTree(signin.get().assertExit(0).stdout());
            String access = tokens.get("AccessToken").asText().split("\\.")[1];
            assertEquals("openid email", JSON.readTree(Base64.getUrlDecoder().decode(access)).get("scope").asText());
            cogauth().env("COGAUTH_CLIENT_SECRET", "browser-client-s3cret").exec("refresh").assertExit(0);
        }
    }

    @Test
    void ctrl_c_while_waiting_exits_130_and_frees_the_callback_port() throws Exception {
        int port = freePort();
        List<String> command = Cogauth.command("signin", "--browser", "--no-browser", "--pool-id",
                "us-east-1_BrowserPool", "--client-id", "browserapp", "--domain", pool.endpoint().toString(),
                "--redirect-uri", "http://127.0.0.1:" + port + "/cb");
        Map<String, String> env = new LinkedHashMap<>(cogauth().environment());
        try (Tty tty = Tty.start(env, command)) {
            tty.awaitText("/oauth2/authorize?", PAGE_WAIT);
            tty.keys("C-c");
            int exit = tty.awaitExit(PAGE_WAIT);
            String screen = tty.screen();
            assertEquals(130, exit, () -> "exit code; screen:\n" + screen);
            assertTrue(screen.contains("cogauth: interrupted; stopped listening on http://127.0.0.1:" + port + "/cb"),
                    screen);
            assertTrue(!screen.contains("Exception"), screen);
        }
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort(), "the callback port is free again");
        }
    }

    private Cogauth cogauth() {
        return Cogauth.run().env("BROWSER", browser.command()).env("COGAUTH_CACHE_DIR", cache.toString())
                .timeout(Duration.ofSeconds(120));
    }

    private CompletableFuture<Cogauth.Result> inBackground(String... args) {
        return CompletableFuture.supplyAsync(() -> cogauth().exec(args));
    }

    /** Fills and sends the local pool's sign-in form. */
    private static void fillSignIn(WebDriver page, String username, String password) {
        await(page, By.id("signin"));
        page.findElement(By.id("username")).sendKeys(username);
        page.findElement(By.id("password")).sendKeys(password);
        page.findElement(By.id("submit")).click();
    }

    private static WebElement await(WebDriver page, By what) {
        return new WebDriverWait(page, PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
