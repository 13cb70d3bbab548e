package dev.cogauth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.CallTimeouts;
import dev.cogauth.protocol.Form;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The managed login's {@code POST /oauth2/token} and {@code /oauth2/revoke}, form-encoded, with
 * HTTP Basic client authentication when the client has a secret. Plain java.net.http: these are
 * OAuth endpoints, not AWS API operations, so the SDK has nothing to add. A call takes at most --timeout's
 * overall time, the whole answer included: a server that trickles its body cannot stretch it.
 */
public final class TokenEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI domain;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final CallTimeouts timeouts;
    private final HttpClient http;

    public TokenEndpoint(URI domain, String clientId, Optional<String> clientSecret, CallTimeouts timeouts) {
        this.domain = domain;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.timeouts = timeouts;
        this.http = HttpClient.newBuilder().connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code grant_type=authorization_code} with the PKCE verifier. */
    public AuthenticationResult exchangeCode(String code, String redirectUri, String codeVerifier)
            throws InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        HttpResponse<String> response = post("/oauth2/token", form);
        if (response.statusCode() != 200) {
            throw refused("the token endpoint refused the code", response);
        }
        return tokens(response.body());
    }

    /**
     * {@code grant_type=client_credentials} (RFC 6749 section 4.4): the client's own access token for
     * {@code scopes}, or for every scope it is allowed when none are given. No ID or refresh token:
     * a client renews by asking again.
     */
    public AuthenticationResult clientCredentials(List<String> scopes) throws InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!scopes.isEmpty()) {
            form.put("scope", String.join(" ", scopes));
        }
        HttpResponse<String> response = post("/oauth2/token", form);
        if (response.statusCode() != 200) {
            if (response.statusCode() >= 500) {
                throw refused("the token endpoint refused the client credentials", response);
            }
            throw new BrowserSignInException(BrowserSignInException.Kind.REFUSED,
                    ClientCredentialsError.describe(response.statusCode(), response.body()));
        }
        JsonNode json = parse(response.body());
        if (json == null || !json.hasNonNull("access_token")) {
            throw new BrowserSignInException(BrowserSignInException.Kind.UNREACHABLE,
                    "the token endpoint answered without an access token");
        }
        return new AuthenticationResult(null, json.get("access_token").asText(), null,
                json.path("expires_in").asInt(3600), json.path("token_type").asText("Bearer"), null);
    }

    /** {@code POST /oauth2/revoke}: the refresh token and the tokens issued from it. */
    public void revoke(String refreshToken) throws InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", refreshToken);
        form.put("client_id", clientId);
        HttpResponse<String> response = post("/oauth2/revoke", form);
        if (response.statusCode() != 200) {
            throw refused("the revocation endpoint refused the refresh token", response);
        }
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(domain + path))
                .timeout(timeouts.overall())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Form.encode(form)));
        clientSecret.ifPresent(secret -> request.header("Authorization", basic(clientId, secret)));
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return answer.get(timeouts.overall().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw noAnswer(path, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw noAnswer(path, cause);
            }
            throw new BrowserSignInException(BrowserSignInException.Kind.UNREACHABLE, "cannot reach " + domain + path
                    + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        } finally {
            answer.cancel(true); // a no-op once answered; else it stops the exchange
        }
    }

    private BrowserSignInException noAnswer(String path, Throwable cause) {
        return new BrowserSignInException(BrowserSignInException.Kind.UNREACHABLE, "no answer from " + domain + path
                + " within " + Durations.describe(timeouts.overall()) + " (wait longer with --timeout)", cause);
    }

    /** RFC 6749 section 2.3.1: both parts form-encoded before Base64. */
    static String basic(String clientId, String secret) {
        String pair = Form.component(clientId) + ":" + Form.component(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private BrowserSignInException refused(String what, HttpResponse<String> response) {
        if (response.statusCode() >= 500) {
            return new BrowserSignInException(BrowserSignInException.Kind.UNREACHABLE, what + ": HTTP "
                    + response.statusCode() + " from " + domain);
        }
        return new BrowserSignInException(BrowserSignInException.Kind.REFUSED, what + ": "
                + OAuthError.fromBody(response.body(), "HTTP " + response.statusCode()));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The ID token is null when there is none: Cognito sends one only for the openid scope. */
    private static AuthenticationResult tokens(String body) {
        JsonNode json = parse(body);
        if (json == null || !json.hasNonNull("access_token")) {
            throw new BrowserSignInException(BrowserSignInException.Kind.REFUSED,
                    "the token endpoint answered without an access token");
        }
        return new AuthenticationResult(json.hasNonNull("id_token") ? json.get("id_token").asText() : null,
                json.get("access_token").asText(),
                json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : null,
                json.path("expires_in").asInt(3600), json.path("token_type").asText("Bearer"), null);
    }
}
