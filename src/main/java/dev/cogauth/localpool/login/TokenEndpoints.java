package dev.cogauth.localpool.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.ManagedLoginDefinition;
import dev.cogauth.localpool.engine.CognitoError;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.localpool.engine.PoolAccounts;
import dev.cogauth.localpool.trigger.TriggerException;
import dev.cogauth.protocol.CodeChallenge;
import dev.cogauth.protocol.Form;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's side: {@code POST /oauth2/token} (authorization_code with PKCE, refresh_token, client_credentials),
 * {@code /oauth2/userInfo} and {@code POST /oauth2/revoke}. Errors are OAuth's JSON
 * ({@code {"error": "invalid_grant"}}), as Cognito answers them.
 */
final class TokenEndpoints {
    private final ManagedLoginDefinition definition;
    private final PoolAccounts accounts;
    private final Codes<IssuedCode> codes;
    private final ObjectMapper json;
    private final PoolLog log;
    private final MachineTokenTrigger machineTrigger;

    TokenEndpoints(ManagedLoginDefinition definition, PoolAccounts accounts, Codes<IssuedCode> codes, ObjectMapper json,
                   PoolLog log, MachineTokenTrigger machineTrigger) {
        this.machineTrigger = machineTrigger;
        this.definition = definition;
        this.accounts = accounts;
        this.codes = codes;
        this.json = json;
        this.log = log;
    }

    void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = Http.form(exchange);
        if ("client_credentials".equals(form.get("grant_type"))) {
            clientCredentials(exchange, form);
            return;
        }
        Optional<ClientDefinition> client = authenticate(exchange, form);
        if (client.isEmpty()) {
            error(exchange, 401, "invalid_client", "Client authentication failed.");
            return;
        }
        String grant = form.getOrDefault("grant_type", "");
        switch (grant) {
            case "authorization_code" -> code(exchange, form, client.get());
            case "refresh_token" -> {
                Optional<ObjectNode> tokens = accounts.refresh(client.get(), form.getOrDefault("refresh_token", ""));
                if (tokens.isEmpty()) {
                    error(exchange, 400, "invalid_grant", "Invalid refresh token.");
                    return;
                }
                log.step("managed login: refresh_token grant for client " + client.get().clientId());
                Http.json(exchange, 200, tokens.get().toString());
            }
            default -> error(exchange, 400, "unsupported_grant_type", "grant_type must be authorization_code,"
                    + " refresh_token or client_credentials.");
        }
    }

    /**
     * The machine-to-machine grant, refusing what Cognito refuses: a client that cannot authenticate
     * (unknown, wrong secret, or public: it has none) is {@code invalid_client}; one without the flow
     * {@code unauthorized_client}; a scope it is not allowed {@code invalid_scope}; no custom scope to
     * grant at all {@code invalid_grant}. Without {@code scope} it gets every scope it is allowed.
     */
    private void clientCredentials(HttpExchange exchange, Map<String, String> form) throws IOException {
        Optional<ClientDefinition> client = credentials(exchange, form)
                .flatMap(pair -> accounts.client(pair[0])
                        .filter(ClientDefinition::hasSecret)
                        .filter(c -> PoolAccounts.secretMatches(c, pair[1])));
        if (client.isEmpty()) {
            error(exchange, 401, "invalid_client", "Client authentication failed.");
            return;
        }
        Optional<ManagedLoginDefinition.OAuthClient> oauth = definition.clientCredentialsClient(client.get().clientId());
        if (oauth.isEmpty()) {
            error(exchange, 400, "unauthorized_client", "The client is not allowed the client_credentials flow.");
            return;
        }
        String asked = form.getOrDefault("scope", "").strip();
        List<String> scopes = asked.isEmpty() ? oauth.get().scopes()
                : Arrays.stream(asked.split(" +")).distinct().toList();
        if (!oauth.get().scopes().containsAll(scopes)) {
            error(exchange, 400, "invalid_scope", "A scope asked for is not allowed for this client.");
            return;
        }
        if (scopes.isEmpty()) {
            error(exchange, 400, "invalid_grant", "The client is allowed no custom scope of a resource server.");
            return;
        }
        MachineTokenTrigger.Outcome outcome;
        try {
            outcome = machineTrigger.run(client.get().clientId(), scopes, clientMetadata(form));
        } catch (TriggerException e) {
            log.notice("PreTokenGeneration failed: " + e.getMessage());
            error(exchange, 400, "invalid_request", "PreTokenGeneration failed with error " + e.kind().errorType()
                    + ".");
            return;
        }
        log.step("managed login: client_credentials grant for client " + client.get().clientId() + " scope "
                + String.join(" ", outcome.scopes()));
        Http.json(exchange, 200, accounts.issueToClient(client.get(), outcome.scopes(), outcome.claimsToAdd(),
                outcome.claimsToSuppress()).toString());
    }

    /** {@code aws_client_metadata}: a JSON object of strings, Cognito's ClientMetadata for the token endpoint. */
    private Map<String, String> clientMetadata(Map<String, String> form) {
        String raw = form.get("aws_client_metadata");
        Map<String, String> metadata = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return metadata;
        }
        try {
            json.readTree(raw).fields().forEachRemaining(field -> metadata.put(field.getKey(), field.getValue().asText()));
        } catch (IOException unreadable) {
            log.notice("ignoring aws_client_metadata: not a JSON object");
        }
        return metadata;
    }

    private void code(HttpExchange exchange, Map<String, String> form, ClientDefinition client) throws IOException {
        // Single use: taken now, so a replayed code fails even if this exchange does.
        Optional<IssuedCode> issued = codes.take(form.get("code"));
        if (issued.isEmpty()) {
            error(exchange, 400, "invalid_grant", "The code is unknown, used or expired.");
            return;
        }
        PendingSignIn request = issued.get().request();
        if (!request.clientId().equals(client.clientId())) {
            error(exchange, 400, "invalid_grant", "The code was issued to another client.");
            return;
        }
        if (!request.redirectUri().equals(form.get("redirect_uri"))) {
            error(exchange, 400, "invalid_grant", "redirect_uri does not match the authorize request's.");
            return;
        }
        if (request.challenge() != null
                && !CodeChallenge.matches(request.challengeMethod(), request.challenge(), form.get("code_verifier"))) {
            error(exchange, 400, "invalid_grant", "The code_verifier does not match the code_challenge.");
            return;
        }
        if (request.challenge() == null && form.containsKey("code_verifier")) {
            // A verifier for a code issued without a challenge is a PKCE downgrade (RFC 9700 section 4.8.2).
            error(exchange, 400, "invalid_grant", "A code_verifier was sent for a code issued without code_challenge.");
            return;
        }
        log.step("managed login: code exchanged for client " + client.clientId() + " user " + issued.get().username());
        ObjectNode tokens;
        try {
            tokens = accounts.issue(issued.get().username(), client, request.scopes(), request.nonce());
        } catch (CognitoError refused) {
            if (refused.type().equals(ErrorType.TOO_MANY_REQUESTS)) {
                error(exchange, 429, "too_many_requests", refused.getMessage());
                return;
            }
            // A Post Authentication or Pre Token Generation trigger failed: no tokens, and the client learns why.
            error(exchange, 400, "invalid_grant", refused.type() + ": " + refused.getMessage());
            return;
        }
        Http.json(exchange, 200, tokens.toString());
    }

    void userInfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Optional<ObjectNode> info = authorization == null || !authorization.startsWith("Bearer ") ? Optional.empty()
                : accounts.userInfo(authorization.substring("Bearer ".length()).strip());
        if (info.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            error(exchange, 401, "invalid_token", "Access token is invalid, expired or revoked.");
            return;
        }
        Http.json(exchange, 200, info.get().toString());
    }

    void revoke(HttpExchange exchange) throws IOException {
        Map<String, String> form = Http.form(exchange);
        Optional<ClientDefinition> client = authenticate(exchange, form);
        if (client.isEmpty()) {
            error(exchange, 401, "invalid_client", "Client authentication failed.");
            return;
        }
        if (!client.get().enableTokenRevocation()) {
            error(exchange, 400, "unsupported_token_type", "Token revocation is not enabled for this client.");
            return;
        }
        if (!accounts.revoke(client.get(), form.getOrDefault("token", ""))) {
            error(exchange, 400, "unauthorized_client", "The token was not issued to this client.");
            return;
        }
        log.step("managed login: refresh token revoked for client " + client.get().clientId());
        Http.json(exchange, 200, "{}");
    }

    /**
     * The calling client: HTTP Basic (client_secret_basic) or client_id (+ client_secret) in the
     * form; a client with a secret must send it, and only clients with the code grant may call.
     */
    private Optional<ClientDefinition> authenticate(HttpExchange exchange, Map<String, String> form) {
        return credentials(exchange, form).flatMap(pair -> accounts.client(pair[0])
                .filter(c -> definition.codeClient(c.clientId()).isPresent())
                .filter(c -> PoolAccounts.secretMatches(c, pair[1])));
    }

    /**
     * The client id and secret (or null) the caller sent: HTTP Basic (client_secret_basic, both parts
     * form-encoded) or client_id (+ client_secret) in the form, which must agree; empty when malformed.
     */
    private static Optional<String[]> credentials(HttpExchange exchange, Map<String, String> form) {
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            String basicId = Form.decodeComponent(pair.substring(0, colon));
            if (clientId != null && !clientId.equals(basicId)) {
                return Optional.empty();
            }
            clientId = basicId;
            secret = Form.decodeComponent(pair.substring(colon + 1));
        }
        return clientId == null ? Optional.empty() : Optional.of(new String[] {clientId, secret});
    }

    private void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        Http.json(exchange, status, json.createObjectNode().put("error", error).put("error_description", description)
                .toString());
    }
}
