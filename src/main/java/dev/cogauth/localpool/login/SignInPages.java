package dev.cogauth.localpool.login;

import com.sun.net.httpserver.HttpExchange;
import dev.cogauth.localpool.definition.ManagedLoginDefinition;
import dev.cogauth.localpool.engine.CognitoError;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.localpool.engine.PoolAccounts;
import dev.cogauth.protocol.CodeChallenge;
import dev.cogauth.protocol.Form;
import dev.cogauth.protocol.OAuthScopes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The browser's side: {@code /oauth2/authorize} checks the request and shows the sign-in page,
 * the form and the pretend providers' pages sign the user in, and the browser goes back to the
 * app's redirect URI with a code (or an error). A cookie keeps the managed login's session
 * until {@code /logout}, as Cognito's does.
 *
 * <p>Against login CSRF (a page elsewhere posting the form, to sign the user's browser in as
 * someone else), a pending sign-in belongs to the browser that started it: {@code /oauth2/authorize}
 * sets a cookie for it, scoped to the form's paths, that its posts must carry, and posts that a
 * browser says come from another origin are refused ({@link CrossSiteCheck}).
 */
final class SignInPages {
    static final String SESSION_COOKIE = "cogauth-local-login";
    /** Followed by the pending sign-in's id; its value is that sign-in's secret. */
    static final String PENDING_COOKIE = "cogauth-local-pending-";
    /** Where the pending sign-in's cookie is sent: the form posts, and nowhere else. */
    private static final List<String> FORM_PATHS = List.of("/login", "/federated/");
    private static final String NOT_THIS_BROWSER = "This sign-in was not started in this browser, or the form was"
            + " sent from another site. Start again from the app.";

    private final ManagedLoginDefinition definition;
    private final PoolAccounts accounts;
    private final String poolId;
    private final Codes<IssuedCode> codes;
    private final Codes<Pending> pending;
    private final Codes<String> sessions;
    private final PoolLog log;

    SignInPages(ManagedLoginDefinition definition, PoolAccounts accounts, String poolId, Codes<IssuedCode> codes,
                Codes<Pending> pending, Codes<String> sessions, PoolLog log) {
        this.definition = definition;
        this.accounts = accounts;
        this.poolId = poolId;
        this.codes = codes;
        this.pending = pending;
        this.sessions = sessions;
        this.log = log;
    }

    void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = Http.query(exchange);
        Optional<String> tooLong = AuthorizeLimits.problem(query);
        if (tooLong.isPresent()) {
            // Before anything else, and not to the redirect URI: it may be the parameter too long.
            Http.html(exchange, 400, Pages.error("invalid_request", "The request is too long: " + tooLong.get() + "."));
            return;
        }
        String clientId = query.getOrDefault("client_id", "");
        Optional<ManagedLoginDefinition.OAuthClient> client = accounts.client(clientId)
                .flatMap(c -> definition.codeClient(c.clientId()));
        if (client.isEmpty()) {
            Http.html(exchange, 400, Pages.error("unauthorized_client", "No app client " + clientId
                    + " with the authorization code grant in this pool."));
            return;
        }
        String redirectUri = query.getOrDefault("redirect_uri", "");
        if (!client.get().callbackUrls().contains(redirectUri)) {
            Http.html(exchange, 400, Pages.error("redirect_mismatch", "The redirect_uri '" + redirectUri
                    + "' is not a callback URL of client " + clientId + "."));
            return;
        }
        String state = query.get("state");
        Optional<String> problem = problem(query, client.get());
        if (problem.isPresent()) {
            int colon = problem.get().indexOf(':');
            redirectError(exchange, redirectUri, state, problem.get().substring(0, colon),
                    problem.get().substring(colon + 2));
            return;
        }
        String challenge = query.get("code_challenge");
        PendingSignIn request = new PendingSignIn(clientId, redirectUri, scopes(query, client.get()),
                state, query.get("nonce"), challenge, challenge == null ? null
                : query.getOrDefault("code_challenge_method", CodeChallenge.PLAIN));
        Optional<String> signedIn = sessions.peek(cookie(exchange, SESSION_COOKIE))
                .filter(user -> !"login".equals(query.get("prompt")));
        String provider = query.get("identity_provider");
        boolean federated = provider != null && !provider.equals(ManagedLoginDefinition.COGNITO);
        if (signedIn.isPresent() && !federated) {
            log.step("managed login: session cookie of " + signedIn.get() + ", no sign-in page");
            complete(exchange, request, signedIn.get());
            return;
        }
        String secret = pending.randomKey();
        String login = pending.add(new Pending(request, secret));
        for (String path : FORM_PATHS) {
            exchange.getResponseHeaders().add("Set-Cookie", PENDING_COOKIE + login + "=" + secret + "; Path=" + path
                    + "; Max-Age=" + pending.lifetime().toSeconds() + "; HttpOnly; SameSite=Lax");
        }
        if (federated) {
            Http.redirect(exchange, "/federated/" + Form.component(provider) + "?login=" + Form.component(login));
            return;
        }
        Http.html(exchange, 200, Pages.signIn(poolId, login, query.getOrDefault("login_hint", ""), "",
                providers(client.get())));
    }

    /** What Cognito would redirect with for this request, as "error: description"; empty when it is fine. */
    private Optional<String> problem(Map<String, String> query, ManagedLoginDefinition.OAuthClient client) {
        if (!"code".equals(query.get("response_type"))) {
            return Optional.of("unsupported_response_type: response_type must be code");
        }
        for (String scope : scopes(query, client)) {
            if (!client.scopes().contains(scope)) {
                return Optional.of("invalid_scope: scope " + scope + " is not allowed for this client");
            }
        }
        Optional<String> withoutOpenid = OAuthScopes.withoutOpenid(scopes(query, client));
        if (withoutOpenid.isPresent()) {
            return Optional.of("invalid_scope: scope " + withoutOpenid.get() + " can only be requested with openid");
        }
        String method = query.get("code_challenge_method");
        if (method != null && !method.equals(CodeChallenge.S256) && !method.equals(CodeChallenge.PLAIN)) {
            return Optional.of("invalid_request: code_challenge_method must be S256 or plain");
        }
        if (method != null && query.get("code_challenge") == null) {
            return Optional.of("invalid_request: code_challenge_method without code_challenge");
        }
        String provider = query.get("identity_provider");
        if (provider != null && !client.identityProviders().contains(provider)) {
            return Optional.of("invalid_request: identity provider " + provider + " is not enabled for this client");
        }
        return Optional.empty();
    }

    /** The scopes asked for; without any, every scope the client is allowed, as Cognito's authorize endpoint does. */
    private static List<String> scopes(Map<String, String> query, ManagedLoginDefinition.OAuthClient client) {
        String scope = query.getOrDefault("scope", "").strip();
        return scope.isEmpty() ? client.scopes() : Arrays.asList(scope.split("\\s+"));
    }

    private List<String> providers(ManagedLoginDefinition.OAuthClient client) {
        return client.identityProviders().stream().filter(p -> !p.equals(ManagedLoginDefinition.COGNITO)).toList();
    }

    void signIn(HttpExchange exchange) throws IOException {
        Map<String, String> form = Http.form(exchange);
        String login = form.getOrDefault("login", "");
        Optional<PendingSignIn> request = pending.peek(login).map(Pending::request);
        if (request.isEmpty()) {
            Http.html(exchange, 400, Pages.error("expired", "This sign-in page has expired. Start again from the app."));
            return;
        }
        if (forged(exchange, login)) {
            return;
        }
        String username = form.getOrDefault("username", "");
        PoolAccounts.PasswordCheck check = accounts.checkPassword(username, form.getOrDefault("password", ""));
        if (check.username().isEmpty()) {
            log.step("managed login: sign-in of " + username + " refused: " + check.problem());
            Http.html(exchange, 200, Pages.signIn(poolId, login, username, check.problem(),
                    definition.codeClient(request.get().clientId()).map(this::providers).orElse(List.of())));
            return;
        }
        pending.take(login);
        unbind(exchange, login);
        startSession(exchange, check.username().get());
        complete(exchange, request.get(), check.username().get());
    }

    void federatedPage(HttpExchange exchange, String provider) throws IOException {
        String login = Http.query(exchange).getOrDefault("login", "");
        if (pending.peek(login).isEmpty() || definition.provider(provider).isEmpty()) {
            Http.html(exchange, 400, Pages.error("expired", "This sign-in page has expired. Start again from the app."));
            return;
        }
        Http.html(exchange, 200, Pages.federated(provider, login));
    }

    void federatedSignIn(HttpExchange exchange, String providerName) throws IOException {
        Map<String, String> form = Http.form(exchange);
        String login = form.getOrDefault("login", "");
        Optional<ManagedLoginDefinition.IdentityProvider> provider = definition.provider(providerName);
        if (pending.peek(login).isEmpty() || provider.isEmpty()) {
            Http.html(exchange, 400, Pages.error("expired", "This sign-in page has expired. Start again from the app."));
            return;
        }
        if (forged(exchange, login)) {
            return;
        }
        Optional<PendingSignIn> request = pending.take(login).map(Pending::request);
        if (request.isEmpty()) {
            Http.html(exchange, 400, Pages.error("expired", "This sign-in page has expired. Start again from the app."));
            return;
        }
        unbind(exchange, login);
        if (!"continue".equals(form.get("action"))) {
            log.step("managed login: " + providerName + " sign-in cancelled");
            redirectError(exchange, request.get().redirectUri(), request.get().state(), "access_denied",
                    "The user cancelled the sign-in at " + providerName + ".");
            return;
        }
        String email = form.getOrDefault("email", "").strip();
        if (email.isEmpty()) {
            redirectError(exchange, request.get().redirectUri(), request.get().state(), "invalid_request",
                    providerName + " returned no email address.");
            return;
        }
        String subject = UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)).toString();
        String username;
        try {
            username = accounts.federatedUser(provider.get().name(), provider.get().type(), subject,
                    Map.of("email", email, "email_verified", "true"));
        } catch (CognitoError full) {
            redirectError(exchange, request.get().redirectUri(), request.get().state(), "server_error", full.getMessage());
            return;
        }
        startSession(exchange, username);
        complete(exchange, request.get(), username);
    }

    void logout(HttpExchange exchange) throws IOException {
        Map<String, String> query = Http.query(exchange);
        String clientId = query.getOrDefault("client_id", "");
        Optional<ManagedLoginDefinition.OAuthClient> client = Optional.ofNullable(definition.clients().get(clientId));
        String logoutUri = query.getOrDefault("logout_uri", "");
        if (client.isEmpty() || !client.get().logoutUrls().contains(logoutUri)) {
            Http.html(exchange, 400, Pages.error("invalid_request", "The logout_uri '" + logoutUri
                    + "' is not a sign-out URL of client " + clientId + "."));
            return;
        }
        sessions.take(cookie(exchange, SESSION_COOKIE));
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        log.step("managed login: logout for client " + clientId);
        Http.redirect(exchange, logoutUri);
    }

    private void complete(HttpExchange exchange, PendingSignIn request, String username) throws IOException {
        String code = codes.add(new IssuedCode(username, request));
        log.step("managed login: " + username + " signed in for client " + request.clientId() + "; code issued");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", code);
        if (request.state() != null) {
            fields.put("state", request.state());
        }
        Http.redirect(exchange, Http.withQuery(request.redirectUri(), fields));
    }

    private void startSession(HttpExchange exchange, String username) {
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + sessions.add(username)
                + "; Path=/; HttpOnly; SameSite=Lax");
    }

    private static void redirectError(HttpExchange exchange, String redirectUri, String state, String error,
                                      String description) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("error", error);
        fields.put("error_description", description);
        if (state != null) {
            fields.put("state", state);
        }
        Http.redirect(exchange, Http.withQuery(redirectUri, fields));
    }

    /**
     * Refuses (403) a post to the form of pending sign-in {@code login} that does not come from the
     * browser that started it, or that the browser says comes from another origin.
     *
     * @return whether it was refused
     */
    private boolean forged(HttpExchange exchange, String login) throws IOException {
        var headers = exchange.getRequestHeaders();
        Optional<String> problem = CrossSiteCheck.problem(headers.getFirst("Origin"),
                headers.getFirst("Sec-Fetch-Site"), headers.getFirst("Host"));
        if (problem.isEmpty()) {
            String secret = pending.peek(login).map(Pending::secret).orElse("");
            String sent = cookie(exchange, PENDING_COOKIE + login);
            if (sent == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                    sent.getBytes(StandardCharsets.UTF_8))) {
                problem = Optional.of("not from the browser that started it");
            }
        }
        if (problem.isEmpty()) {
            return false;
        }
        log.step("managed login: sign-in form refused: " + problem.get());
        Http.html(exchange, 403, Pages.error("forbidden", NOT_THIS_BROWSER));
        return true;
    }

    /** Drops a used pending sign-in's cookies. */
    private static void unbind(HttpExchange exchange, String login) {
        for (String path : FORM_PATHS) {
            exchange.getResponseHeaders().add("Set-Cookie", PENDING_COOKIE + login + "=; Path=" + path
                    + "; Max-Age=0; HttpOnly; SameSite=Lax");
        }
    }

    private static String cookie(HttpExchange exchange, String name) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : headers) {
            for (String part : header.split(";")) {
                String trimmed = part.strip();
                if (trimmed.startsWith(name + "=")) {
                    return trimmed.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    /** A checked authorize request waiting in some browser, and the secret that browser's cookie carries. */
    record Pending(PendingSignIn request, String secret) {
        @Override
        public String toString() {
            return "Pending[" + request.clientId() + "]";
        }
    }
}
