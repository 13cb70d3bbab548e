package dev.cogauth.localpool;

import dev.cogauth.localpool.engine.PoolLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Login CSRF over HTTP: a pending sign-in is bound to the browser that started it, and posts a
 * browser marks as coming from another origin are refused. (A real browser and an attacker's page:
 * ManagedLoginCsrfIT.)
 */
class ManagedLoginCsrfTest {
    private static final Map<String, String> BELLA = Map.of("username", "bella", "password", "Bella-Passw0rd!");

    private static LocalPool.Running pool;

    @BeforeAll
    static void start() throws Exception {
        pool = LocalPool.builder().definition(PoolFile.load(Path.of("src/test/resources/it/managed-login-pool.json")))
                .log(PoolLog.silent()).build().start(0);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    private static Map<String, String> form(String login, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("login", login);
        return form;
    }

    private static String startIn(LoginBrowser browser) throws Exception {
        return LoginBrowser.login(browser.get(browser.authorize("browserapp", LoginBrowser.CALLBACK, "s")).body());
    }

    @Test
    void aPendingSignInPostedFromAnotherBrowserIsRefusedAndStillWorksInItsOwn() throws Exception {
        LoginBrowser victim = new LoginBrowser(pool);
        LoginBrowser attacker = new LoginBrowser(pool);
        String login = startIn(attacker);
        HttpResponse<String> forged = victim.post("/login", form(login, BELLA), Map.of());
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("not started in this browser"), forged.body());
        assertTrue(victim.cookies().keySet().stream().noneMatch(name -> name.equals("cogauth-local-login")),
                "the victim's browser got no session");

        HttpResponse<String> own = attacker.post("/login", form(login, BELLA), Map.of());
        assertEquals(302, own.statusCode(), own.body());
        assertTrue(LoginBrowser.query(own).containsKey("code"));
    }

    @Test
    void aPostFromAnotherOriginIsRefusedEvenWithTheCookie() throws Exception {
        LoginBrowser browser = new LoginBrowser(pool);
        String login = startIn(browser);
        String otherPort = "http://127.0.0.1:" + (pool.endpoint().getPort() == 1 ? 2 : pool.endpoint().getPort() - 1);
        for (Map<String, String> headers : List.of(Map.of("Origin", otherPort),
                Map.of("Origin", otherPort, "Sec-Fetch-Site", "same-site"),
                Map.of("Sec-Fetch-Site", "cross-site"), Map.of("Origin", "null"))) {
            HttpResponse<String> refused = browser.post("/login", form(login, BELLA), headers);
            assertEquals(403, refused.statusCode(), headers::toString);
        }
        HttpResponse<String> own = browser.post("/login", form(login, BELLA),
                Map.of("Origin", browser.base(), "Sec-Fetch-Site", "same-origin"));
        assertEquals(302, own.statusCode(), own.body());
    }

    @Test
    void thePretendProvidersFormIsBoundToo() throws Exception {
        LoginBrowser browser = new LoginBrowser(pool);
        HttpResponse<String> toProvider = browser.get(browser.authorize("browserapp", LoginBrowser.CALLBACK, "f")
                + "&identity_provider=PretendIdP");
        String login = LoginBrowser.login(browser.get(browser.base()
                + toProvider.headers().firstValue("Location").orElseThrow()).body());
        Map<String, String> fields = form(login, Map.of("email", "fed@example.com", "action", "continue"));
        assertEquals(403, new LoginBrowser(pool).post("/federated/PretendIdP", fields, Map.of()).statusCode());
        assertEquals(302, browser.post("/federated/PretendIdP", fields, Map.of()).statusCode());
    }

    @Test
    void theBindingCookieIsHttpOnlyLaxAndScopedToTheFormsAndPagesCannotBeFramed() throws Exception {
        LoginBrowser browser = new LoginBrowser(pool);
        HttpResponse<String> page = browser.get(browser.authorize("browserapp", LoginBrowser.CALLBACK, "c"));
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertEquals(2, cookies.size(), cookies::toString);
        for (String cookie : cookies) {
            assertTrue(cookie.startsWith("cogauth-local-pending-" + LoginBrowser.login(page.body()) + "="), cookie);
            assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Lax"), cookie);
            assertTrue(cookie.contains("; Max-Age=900"), cookie);
        }
        assertTrue(cookies.get(0).contains("; Path=/login;") && cookies.get(1).contains("; Path=/federated/;"),
                cookies::toString);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("frame-ancestors 'none'", page.headers().firstValue("Content-Security-Policy").orElse(""));
    }
}
