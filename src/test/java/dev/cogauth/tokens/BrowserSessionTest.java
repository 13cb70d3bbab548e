package dev.cogauth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserSessionTest {
    private static final Instant EXP = Instant.parse("2030-01-01T00:00:00Z");
    private static final BrowserSession SESSION = new BrowserSession("http://127.0.0.1:9229",
            "http://localhost:8400/callback", "http://localhost:8400/signout");

    @Test
    void a_browser_entry_survives_the_cache_and_refreshes_with_refresh_token_auth(@TempDir Path dir) {
        TokenCache cache = new TokenCache(dir, warning -> { });
        TokenEntry entry = TestTokens.entry(TestTokens.KEY, EXP).fromBrowser(SESSION);
        cache.store(entry);
        TokenEntry read = cache.read(TestTokens.KEY).orElseThrow();
        assertEquals(SESSION, read.browser());
        assertEquals(TokenRefresher.INITIATE_AUTH, read.refreshApi());
        assertEquals(SESSION, read.refreshedWith(TestTokens.result(EXP, null), EXP, TokenRefresher.INITIATE_AUTH)
                .browser());
    }

    @Test
    void status_says_how_the_session_was_obtained(@TempDir Path dir) {
        TokenEntry entry = TestTokens.entry(TestTokens.KEY, EXP);
        assertEquals("exchange", SessionStatus.json(entry, dir, EXP).get("signedInWith").asText());
        var browser = SessionStatus.json(entry.fromBrowser(SESSION), dir, EXP);
        assertEquals("browser", browser.get("signedInWith").asText());
        assertEquals("http://127.0.0.1:9229", browser.get("managedLogin").asText());
    }

    @Test
    void status_of_a_sign_in_without_openid_shows_no_id_token_and_the_access_tokens_subject(@TempDir Path dir) {
        TokenEntry entry = TestTokens.entryWithoutIdToken(TestTokens.KEY, EXP).fromBrowser(SESSION);
        var json = SessionStatus.json(entry, dir, EXP.minusSeconds(600));
        assertTrue(json.get("idToken").isNull(), json.toString());
        assertEquals(600, json.get("accessToken").get("expiresInSeconds").asLong());
        assertEquals("0000-sub-alice", json.get("claims").get("sub").asText());
        String text = SessionStatus.text(entry, dir, EXP.minusSeconds(600));
        assertTrue(text.contains("id token         none (signed in without the openid scope)"), text);
    }

    @Test
    void the_identity_provider_comes_from_the_identities_claim() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(Optional.of("Google"), SessionStatus.identityProvider(json.readTree(
                "{\"identities\": [{\"providerName\": \"Google\", \"providerType\": \"Google\", \"userId\": \"1\"}]}")));
        assertEquals(Optional.of("Corp"), SessionStatus.identityProvider(json.readTree(
                "{\"identities\": \"[{\\\"providerName\\\": \\\"Corp\\\"}]\"}")));
        assertEquals(Optional.empty(), SessionStatus.identityProvider(json.readTree("{\"sub\": \"x\"}")));
    }
}
