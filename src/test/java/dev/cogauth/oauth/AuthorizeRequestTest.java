package dev.cogauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cogauth.protocol.Form;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizeRequestTest {
    private static final Pkce PKCE = Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    @Test
    void builds_the_authorize_url_with_pkce_state_and_nonce() {
        URI uri = new AuthorizeRequest(URI.create("https://example.auth.us-east-1.amazoncognito.com"), "client1",
                "http://localhost:8400/callback", List.of("openid", "email"), "st4te", Optional.of("n0nce"), PKCE,
                Optional.empty(), Optional.empty(), Optional.empty()).uri();
        assertEquals("https://example.auth.us-east-1.amazoncognito.com/oauth2/authorize?response_type=code"
                + "&client_id=client1&redirect_uri=http%3A%2F%2Flocalhost%3A8400%2Fcallback&scope=openid%20email"
                + "&state=st4te&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&code_challenge_method=S256&nonce=n0nce", uri.toString());
    }

    @Test
    void passes_identity_provider_lang_and_login_hint_through_encoded() {
        URI uri = new AuthorizeRequest(URI.create("http://127.0.0.1:9229"), "c", "http://127.0.0.1:8400/",
                List.of("email"), "s", Optional.empty(), PKCE, Optional.of("Google"), Optional.of("de"),
                Optional.of("a+b@example.com")).uri();
        Map<String, String> query = Form.decode(uri.getRawQuery());
        assertEquals("Google", query.get("identity_provider"));
        assertEquals("de", query.get("lang"));
        assertEquals("a+b@example.com", query.get("login_hint"));
        assertEquals("email", query.get("scope"));
        assertFalse(query.containsKey("nonce"));
        assertEquals("/oauth2/authorize", uri.getPath());
    }
}
