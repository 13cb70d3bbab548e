package dev.cogauth.localpool.login;

import com.sun.net.httpserver.HttpExchange;
import dev.cogauth.localpool.definition.ManagedLoginDefinition;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.localpool.engine.PoolAccounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 */
final class SignInPages {
    static final String SESSION_COOKIE = "cogauth-local-login";

    private final ManagedLoginDefinition definition;
    private final PoolAccounts accounts;
    private final String poolId;
    private final Codes<IssuedCode> codes;
    private final Codes<PendingSignIn> pending;
    private final Codes<String> sessions;
    private final PoolLog log;

    SignInPages(ManagedLoginDefinition definition, PoolAccounts accounts, String poolId, Codes<IssuedCode> codes,
                Codes<PendingSignIn> pending, Codes<String> sessions, PoolLog log) {
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
        PendingSignIn request = new PendingSignIn(clientId, redirectUri, scopes(query),
                state, query.get("nonce"), challenge, challenge == null ? null
                : query.getOrDefault("code_challenge_method", "plain"));
        String login = pending.add(request);
        String provider = query.get("identity_provider");
        if (provider != null && !provider.equals(ManagedLoginDefinition.COGNITO)) {
            Http.redirect(exchange, "/federated/" + Http.encode(provider) + "?login=" + Http.encode(login));
            return;
        }
        Optional<String> signedIn = sessions.peek(cookie(exchange)).filter(user -> !"login".equals(query.get("prompt")));
        if (signedIn.isPresent()) {
            log.step("managed login: session cookie of " + signedIn.get() + ", no sign-in page");
            complete(exchange, pending.take(login).orElseThrow(), signedIn.get());
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
        for (String scope : scopes(query)) {
            if (!client.scopes().contains(scope)) {
                return Optional.of("invalid_scope: scope " + scope + " is not allowed for this client");
            }
        }
        String method = query.get("code_challenge_method");
        if (method != null && !method.equals("S256") && !method.equals("plain")) {
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

    private static List<String> scopes(Map<String, String> query) {
        String scope = query.getOrDefault("scope", "").strip();
        return scope.isEmpty() ? List.of("openid") : Arrays.asList(scope.split("\\s+"));
    }

    private List<String> providers(ManagedLoginDefinition.OAuthClient client) {
        return client.identityProviders().stream().filter(p -> !p.equals(ManagedLoginDefinition.COGNITO)).toList();
    }

    void signIn(HttpExchange exchange) throws IOException {
        Map<String, String> form = Http.form(exchange);
        String login = form.getOrDefault("login", "");
        Optional<PendingSignIn> request = pending.peek(login);
        if (request.isEmpty()) {
            Http.html(exchange, 400, Pages.error("expired", "This sign-in page has expired. Start again from the app."));
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
        Optional<PendingSignIn> request = pending.take(form.getOrDefault("login", ""));
        Optional<ManagedLoginDefinition.IdentityProvider> provider = definition.provider(providerName);
        if (request.isEmpty() || provider.isEmpty()) {
            Http.html(exchange, 400, Pages.error("expired", "This sign-in page has expired. Start again from the app."));
            return;
        }
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
        String username = accounts.federatedUser(provider.get().name(), provider.get().type(), subject,
                Map.of("email", email, "email_verified", "true"));
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
        sessions.take(cookie(exchange));
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

    private static String cookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : headers) {
            for (String part : header.split(";")) {
                String trimmed = part.strip();
                if (trimmed.startsWith(SESSION_COOKIE + "=")) {
                    return trimmed.substring(SESSION_COOKIE.length() + 1);
                }
            }
        }
        return null;
    }
}
