package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.TriggerDefinition;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.localpool.trigger.TriggerException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local pool's managed login over HTTP, as a browser and an app use it (no browser here: see BrowserSignInIT). */
class ManagedLoginTest {
    private static final String CALLBACK = LoginBrowser.CALLBACK;
    private static final String VERIFIER = LoginBrowser.VERIFIER;
    private static final String CHALLENGE = LoginBrowser.CHALLENGE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalPool.Running pool;
    private static String base;
    private LoginBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        PoolDefinition definition = PoolFile.load(Path.of("src/test/resources/it/managed-login-pool.json"));
        // Sign-in triggers that mark the tokens with why they were made, and refuse one user after the password.
        Trigger source = event -> {
            event.putObject("response").putObject("claimsOverrideDetails").putObject("claimsToAddOrOverride")
                    .put("token_source", event.get("triggerSource").asText());
            return event;
        };
        Trigger refuseGus = event -> {
            if (event.get("userName").asText().equals("gus")) {
                throw new TriggerException(TriggerException.Kind.HANDLER_ERROR, "Gus is on leave");
            }
            return event;
        };
        pool = LocalPool.builder().definition(definition).user("gus", "Gus-Passw0rd!1")
                .triggers(definition.triggers().withSignIn(null, new TriggerDefinition.InProcess(refuseGus),
                        new TriggerDefinition.InProcess(source), 1))
                .log(PoolLog.to(line -> { }, false)).build().start(0);
        base = pool.endpoint().toString();
    }

    @BeforeEach
    void newBrowser() {
        browser = new LoginBrowser(pool);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void password_sign_in_then_code_exchange_with_pkce_refresh_user_info_and_revoke() throws Exception {
        String code = signIn("bella", "Bella-Passw0rd!", "st");
        HttpResponse<String> wrongVerifier = token(Map.of("grant_type", "authorization_code", "client_id", "browserapp",
                "code", code, "redirect_uri", CALLBACK, "code_verifier", "x".repeat(43)), null);
        assertEquals(400, wrongVerifier.statusCode());
        assertTrue(wrongVerifier.body().contains("invalid_grant"), wrongVerifier.body());

        String fresh = signIn("bella", "Bella-Passw0rd!", "st");
        Map<String, String> exchange = Map.of("grant_type", "authorization_code", "client_id", "browserapp",
                "code", fresh, "redirect_uri", CALLBACK, "code_verifier", VERIFIER);
        HttpResponse<String> tokens = token(exchange, null);
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonNode answer = JSON.readTree(tokens.body());
        JsonNode id = claims(answer.get("id_token").asText());
        assertEquals("bella", id.get("cognito:username").asText());
        assertEquals("n0nce", id.get("nonce").asText());
        assertEquals("openid email", claims(answer.get("access_token").asText()).get("scope").asText());
        assertEquals(400, token(exchange, null).statusCode(), "a code works once");

        HttpResponse<String> refreshed = token(Map.of("grant_type", "refresh_token", "client_id", "browserapp",
                "refresh_token", answer.get("refresh_token").asText()), null);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertFalse(JSON.readTree(refreshed.body()).has("refresh_token"));

        HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                        + "/oauth2/userInfo")).header("Authorization", "Bearer " + answer.get("access_token").asText())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("bella@example.com", JSON.readTree(info.body()).get("email").asText());

        assertEquals(200, post("/oauth2/revoke", Map.of("token", answer.get("refresh_token").asText(),
                "client_id", "browserapp"), null).statusCode());
        assertEquals(400, token(Map.of("grant_type", "refresh_token", "client_id", "browserapp",
                "refresh_token", answer.get("refresh_token").asText()), null).statusCode());
    }

    @Test
    void a_code_issued_without_pkce_is_refused_with_a_verifier_and_accepted_without() throws Exception {
        String withoutPkce = authorize("browserapp", CALLBACK, "np")
                .replace("&code_challenge=" + CHALLENGE + "&code_challenge_method=S256", "");
        HttpResponse<String> downgrade = token(Map.of("grant_type", "authorization_code", "client_id", "browserapp",
                "code", signIn(withoutPkce, "bella", "Bella-Passw0rd!", "np"), "redirect_uri", CALLBACK,
                "code_verifier", VERIFIER), null);
        assertEquals(400, downgrade.statusCode(), downgrade.body());
        assertTrue(downgrade.body().contains("invalid_grant"), downgrade.body());

        HttpResponse<String> plain = token(Map.of("grant_type", "authorization_code", "client_id", "browserapp",
                "code", signIn(withoutPkce, "bella", "Bella-Passw0rd!", "np"), "redirect_uri", CALLBACK), null);
        assertEquals(200, plain.statusCode(), plain.body());
    }

    @Test
    void parameters_longer_than_the_limits_are_refused_before_anything_is_kept() throws Exception {
        HttpResponse<String> huge = get(authorize("browserapp", CALLBACK, "x".repeat(60_000)));
        assertEquals(400, huge.statusCode());
        assertTrue(huge.body().contains("state is longer than 2048 characters"), huge.body());
        assertTrue(huge.headers().allValues("Set-Cookie").isEmpty(), "no pending sign-in");
        assertEquals(400, get(authorize("browserapp", CALLBACK, "s") + "&nonce2=" + "n".repeat(2049)).statusCode());
        assertEquals(200, get(authorize("browserapp", CALLBACK, "x".repeat(2048))).statusCode());
    }

    @Test
    void sign_in_triggers_run_as_hosted_auth_and_a_failing_one_gives_no_tokens() throws Exception {
        String code = signIn("bella", "Bella-Passw0rd!", "tr");
        HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "client_id", "browserapp",
                "code", code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER), null);
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonNode body = JSON.readTree(tokens.body());
        assertEquals("TokenGeneration_HostedAuth", claims(body.get("id_token").asText()).get("token_source").asText());
        HttpResponse<String> refreshed = token(Map.of("grant_type", "refresh_token", "client_id", "browserapp",
                "refresh_token", body.get("refresh_token").asText()), null);
        assertEquals("TokenGeneration_RefreshTokens",
                claims(JSON.readTree(refreshed.body()).get("id_token").asText()).get("token_source").asText());

        String gus = signIn("gus", "Gus-Passw0rd!1", "tr");
        HttpResponse<String> refused = token(Map.of("grant_type", "authorization_code", "client_id", "browserapp",
                "code", gus, "redirect_uri", CALLBACK, "code_verifier", VERIFIER), null);
        assertEquals(400, refused.statusCode());
        assertEquals("invalid_grant", JSON.readTree(refused.body()).get("error").asText());
        assertEquals("UserLambdaValidationException: PostAuthentication failed with error Gus is on leave.",
                JSON.readTree(refused.body()).get("error_description").asText());
    }

    @Test
    void a_wrong_password_shows_the_page_again_with_the_error() throws Exception {
        HttpResponse<String> page = get(authorize("browserapp", CALLBACK, "s"));
        HttpResponse<String> again = post("/login", Map.of("login", login(page.body()), "username", "bella",
                "password", "wrong"), null);
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("Incorrect username or password."), again.body());
    }

    @Test
    void checks_the_client_and_redirect_uri_exactly() throws Exception {
        HttpResponse<String> mismatch = get(authorize("browserapp", "http://localhost:38511/callback/", "s"));
        assertEquals(400, mismatch.statusCode());
        assertTrue(mismatch.body().contains("redirect_mismatch"), mismatch.body());
        assertEquals(400, get(authorize("nosuchclient", CALLBACK, "s")).statusCode());
        HttpResponse<String> badScope = get(authorize("browserapp", CALLBACK, "s").replace("scope=openid%20email",
                "scope=phone"));
        assertEquals(302, badScope.statusCode());
        assertTrue(badScope.headers().firstValue("Location").orElseThrow().contains("error=invalid_scope"));
    }

    @Test
    void a_malformed_code_verifier_counts_as_sent_not_as_absent() throws Exception {
        // Dropped as malformed, "%zz" would have let a code issued without PKCE through as if no verifier came.
        String withoutPkce = authorize("browserapp", CALLBACK, "mv")
                .replace("&code_challenge=" + CHALLENGE + "&code_challenge_method=S256", "");
        String code = signIn(withoutPkce, "bella", "Bella-Passw0rd!", "mv");
        HttpResponse<String> malformed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=browserapp&code="
                        + enc(code) + "&redirect_uri=" + enc(CALLBACK) + "&code_verifier=%zz"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().contains("invalid_grant"), malformed.body());
    }

    @Test
    void without_openid_the_tokens_have_no_id_token_and_neither_have_their_refreshes() throws Exception {
        String code = signIn(authorize("browserapp", CALLBACK, "s").replace("scope=openid%20email",
                "scope=aws.cognito.signin.user.admin"), "bella", "Bella-Passw0rd!", "s");
        HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "client_id", "browserapp",
                "code", code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER), null);
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonNode answer = JSON.readTree(tokens.body());
        assertFalse(answer.has("id_token"), answer.toString());
        JsonNode access = claims(answer.get("access_token").asText());
        assertEquals("aws.cognito.signin.user.admin", access.get("scope").asText());
        assertEquals("bella", access.get("username").asText());

        HttpResponse<String> refreshed = token(Map.of("grant_type", "refresh_token", "client_id", "browserapp",
                "refresh_token", answer.get("refresh_token").asText()), null);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertFalse(JSON.readTree(refreshed.body()).has("id_token"), refreshed.body());
        assertTrue(JSON.readTree(refreshed.body()).has("access_token"), refreshed.body());
    }

    /** Cognito: "If the client doesn't request any scopes, the authentication server uses all scopes that are associated with the client." */
    @Test
    void without_scope_the_client_gets_every_scope_it_is_allowed() throws Exception {
        String code = signIn(authorize("browserapp", CALLBACK, "s").replace("&scope=openid%20email", ""),
                "bella", "Bella-Passw0rd!", "s");
        HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "client_id", "browserapp",
                "code", code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER), null);
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonNode answer = JSON.readTree(tokens.body());
        assertTrue(answer.has("id_token"), answer.toString());
        List<String> allowed = pool.definition().managedLogin().codeClient("browserapp").orElseThrow().scopes();
        assertEquals(new TreeSet<>(allowed), new TreeSet<>(
                List.of(claims(answer.get("access_token").asText()).get("scope").asText().split(" "))));
    }

    @Test
    void email_phone_or_profile_without_openid_is_an_invalid_scope() throws Exception {
        for (String scope : new String[] {"email", "profile", "aws.cognito.signin.user.admin%20email"}) {
            HttpResponse<String> refused = get(authorize("browserapp", CALLBACK, "s").replace("scope=openid%20email",
                    "scope=" + scope));
            assertEquals(302, refused.statusCode(), scope);
            Map<String, String> query = query(refused);
            assertEquals("invalid_scope", query.get("error"), scope);
            assertTrue(query.get("error_description").contains("openid"), query.toString());
            assertEquals("s", query.get("state"));
        }
    }

    @Test
    void a_client_with_a_secret_authenticates_with_http_basic() throws Exception {
        String page = get(base + "/oauth2/authorize?response_type=code&client_id=browsersecret"
                + "&redirect_uri=" + enc("http://127.0.0.1:38512/cb") + "&scope=openid&state=z").body();
        HttpResponse<String> redirect = post("/login", Map.of("login", login(page), "username", "bella",
                "password", "Bella-Passw0rd!"), null);
        String code = query(redirect).get("code");
        Map<String, String> form = Map.of("grant_type", "authorization_code", "client_id", "browsersecret",
                "code", code, "redirect_uri", "http://127.0.0.1:38512/cb");
        assertEquals(401, token(form, "Basic " + Base64.getEncoder().encodeToString("browsersecret:wrong".getBytes())).statusCode());
        browser = new LoginBrowser(pool);
        String again = get(base + "/oauth2/authorize?response_type=code&client_id=browsersecret"
                + "&redirect_uri=" + enc("http://127.0.0.1:38512/cb") + "&scope=openid&state=z").body();
        Map<String, String> second = new LinkedHashMap<>(form);
        second.put("code", query(post("/login", Map.of("login", login(again), "username", "bella",
                "password", "Bella-Passw0rd!"), null)).get("code"));
        assertEquals(200, token(second, "Basic " + Base64.getEncoder().encodeToString(
                "browsersecret:browser-client-s3cret".getBytes())).statusCode());
    }

    @Test
    void the_pretend_provider_makes_a_federated_user_or_denies() throws Exception {
        HttpResponse<String> toProvider = get(authorize("browserapp", CALLBACK, "f") + "&identity_provider=PretendIdP");
        String page = get(base + toProvider.headers().firstValue("Location").orElseThrow()).body();
        String login = login(page);
        HttpResponse<String> back = post("/federated/PretendIdP", Map.of("login", login, "email", "fed@example.com",
                "action", "continue"), null);
        Map<String, String> redirect = query(back);
        HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "client_id", "browserapp",
                "code", redirect.get("code"), "redirect_uri", CALLBACK, "code_verifier", VERIFIER), null);
        JsonNode id = claims(JSON.readTree(tokens.body()).get("id_token").asText());
        assertTrue(id.get("cognito:username").asText().startsWith("PretendIdP_"), id.toString());
        assertEquals("PretendIdP", id.get("identities").get(0).get("providerName").asText());

        String cancelPage = get(base + get(authorize("browserapp", CALLBACK, "c") + "&identity_provider=PretendIdP")
                .headers().firstValue("Location").orElseThrow()).body();
        Map<String, String> denied = query(post("/federated/PretendIdP", Map.of("login", login(cancelPage),
                "action", "cancel"), null));
        assertEquals("access_denied", denied.get("error"));
        assertEquals("c", denied.get("state"));
    }

    @Test
    void serves_discovery_with_the_endpoints() throws Exception {
        JsonNode discovery = JSON.readTree(get(base + "/.well-known/openid-configuration").body());
        assertEquals(base + "/oauth2/token", discovery.get("token_endpoint").asText());
        assertEquals(base + "/" + pool.definition().poolId(), discovery.get("issuer").asText());
        assertEquals(302, get(base + "/logout?client_id=browserapp&logout_uri=" + enc("http://localhost:38511/signout"))
                .statusCode());
        assertEquals(400, get(base + "/logout?client_id=browserapp&logout_uri=" + enc("http://evil.example/"))
                .statusCode());
    }

    private String signIn(String username, String password, String state) throws Exception {
        return signIn(authorize("browserapp", CALLBACK, state), username, password, state);
    }

    /** A sign-in in a new browser (no managed login session yet, so the page is shown). */
    private String signIn(String authorize, String username, String password, String state) throws Exception {
        browser = new LoginBrowser(pool);
        String page = get(authorize).body();
        HttpResponse<String> redirect = post("/login", Map.of("login", login(page), "username", username,
                "password", password), null);
        assertEquals(302, redirect.statusCode(), redirect.body());
        Map<String, String> query = query(redirect);
        assertEquals(state, query.get("state"));
        return query.get("code");
    }

    private static String authorize(String client, String redirect, String state) {
        return new LoginBrowser(pool).authorize(client, redirect, state);
    }

    private static Map<String, String> query(HttpResponse<String> redirect) {
        return LoginBrowser.query(redirect);
    }

    private static String login(String page) {
        return LoginBrowser.login(page);
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return browser.get(uri);
    }

    private HttpResponse<String> token(Map<String, String> form, String authorization) throws Exception {
        return post("/oauth2/token", form, authorization);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String authorization) throws Exception {
        return browser.post(path, form, authorization);
    }

    private static String enc(String value) {
        return LoginBrowser.enc(value);
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
