package dev.cogauth.oauth;

import dev.cogauth.protocol.CodeChallenge;
import dev.cogauth.protocol.Form;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code GET /oauth2/authorize} of the authorization code grant with PKCE: what the browser
 * is sent to. {@code nonce} goes along only when {@code openid} is asked for, as OIDC defines it.
 */
public record AuthorizeRequest(URI domain, String clientId, String redirectUri, List<String> scopes, String state,
                               Optional<String> nonce, Pkce pkce, Optional<String> identityProvider,
                               Optional<String> lang, Optional<String> loginHint) {

    public AuthorizeRequest {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(pkce, "pkce");
    }

    /** The URL to open in the browser. */
    public URI uri() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", String.join(" ", scopes));
        query.put("state", state);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", CodeChallenge.S256);
        nonce.ifPresent(value -> query.put("nonce", value));
        identityProvider.ifPresent(value -> query.put("identity_provider", value));
        lang.ifPresent(value -> query.put("lang", value));
        loginHint.ifPresent(value -> query.put("login_hint", value));
        return URI.create(domain + "/oauth2/authorize?" + Form.encode(query));
    }

    /** The standard OIDC scopes Cognito's managed login grants when the config names none. */
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");
}
