package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

            cogauth().exec("refresh").assertExit(0);
            assertTrue(pool.stderr().text().contains("REFRESH_TOKEN_AUTH"), pool.stderr().text());

            CompletableFuture<Cogauth.Result> signout = inBackground("signout", "--browser");
            URI logout = browser.awaitUrl();
            assertEquals("/logout", logout.getPath());
            page.get(logout.toString());
            WebElement signedOut = await(page, By.id("cogauth-ok"));
            assertEquals("Signed out", signedOut.findElement(By.id("heading")).getText());
            signout.get().assertExit(0);
            cogauth().exec("status").assertExit(4);
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
    void a_redirect_with_another_state_is_refused() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            WebDriver page = chromium.driver();
            CompletableFuture<Cogauth.Result> signin = inBackground("signin", "--browser", "--config",
                    config.toString());
            String url = browser.awaitUrl().toString();
            page.get(url.replaceFirst("state=[^&]+", "state=forged"));
            fillSignIn(page, "bella", "Bella-Passw0rd!");
            WebElement failed = await(page, By.id("cogauth-failed"));
            assertTrue(failed.getText().contains("state does not match"), failed.getText());
            Cogauth.Result result = signin.get().assertExit(3);
            assertTrue(result.stderr().contains("state does not match"), result.stderr());
        }
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
