package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cogauth.localpool.PoolFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Login CSRF with a real browser: an attacker's page on another origin of the same loopback
 * host (so the same "site", and cookies are shared across ports) starts a sign-in of its own,
 * plants that sign-in's cookie in the victim's browser, and auto-posts the pool's form with the
 * attacker's account. Before the fix this signed the victim's browser in as the attacker (the
 * browser went on to the app's callback with a code); the pool must refuse the post.
 */
class ManagedLoginCsrfIT {
    private static final Pattern LOGIN = Pattern.compile("name=\"login\" value=\"([^\"]+)\"");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);

    @Test
    void anAttackersPageOnAnotherLoopbackOriginCannotPostTheSignInForm() throws Exception {
        try (InProcessPool pool = InProcessPool.start(PoolFile.load(ItResources.path("managed-login-pool.json")),
                Clock.systemUTC())) {
            String base = pool.endpoint().toString();
            // The attacker starts a sign-in of its own, outside the victim's browser.
            HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                    + "/oauth2/authorize?response_type=code&client_id=browserapp&redirect_uri="
                    + URLEncoder.encode("http://localhost:38511/callback", StandardCharsets.UTF_8)
                    + "&scope=openid&state=victims-state")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher login = LOGIN.matcher(started.body());
            assertTrue(login.find(), started.body());
            // The sign-in's cookie, to plant (a pool without the binding sets none).
            Optional<String> bindingCookie = started.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]);

            HttpServer attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            attacker.createContext("/", exchange -> {
                String page = "<!DOCTYPE html><html><body><form id=\"f\" method=\"post\" action=\"" + base + "/login\">"
                        + "<input name=\"login\" value=\"" + login.group(1) + "\">"
                        + "<input name=\"username\" value=\"bella\"><input name=\"password\" value=\"Bella-Passw0rd!\">"
                        + "</form><script>document.getElementById('f').submit()</script></body></html>";
                byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
                // Cookies are not bound to ports: this one reaches the pool's /login too.
                bindingCookie.ifPresent(cookie -> exchange.getResponseHeaders().add("Set-Cookie",
                        cookie + "; Path=/login; SameSite=Lax"));
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            attacker.start();
            String attackerPage = "http://127.0.0.1:" + attacker.getAddress().getPort() + "/";
            try (Chromium chromium = Chromium.start()) {
                WebDriver page = chromium.driver();
                page.get(attackerPage);
                new WebDriverWait(page, PAGE_WAIT).until(driver -> !driver.getCurrentUrl().startsWith(attackerPage));
                chromium.screenshot("local-pool-login-csrf-refused");
                String url = page.getCurrentUrl();
                assertFalse(url.contains("code="), "the forged post signed the browser in: " + url);
                assertTrue(url.startsWith(base + "/login"), url);
                assertTrue(page.getPageSource().contains("not started in this browser"), page.getPageSource());
                assertTrue(pool.log().text().contains("sign-in form refused: a request from another origin")
                        || pool.log().text().contains("sign-in form refused: a same-site request"), pool.log().text());
            } finally {
                attacker.stop(0);
            }
        }
    }
}
