package dev.cogauth.oauth;

import java.util.Map;

/**
 * What a refused client_credentials grant means, as one line: the OAuth error the token endpoint
 * named and what to check. Cognito answers {@code invalid_client} for a wrong secret or a client
 * without one, {@code unauthorized_client} for a client without the client_credentials flow,
 * {@code invalid_scope} for a scope it may not have and {@code invalid_grant} when it may have no
 * custom scope at all (or OAuth is off for it). Built from the error code only: no secret can reach it.
 */
final class ClientCredentialsError {
    private static final Map<String, String> WHAT_TO_CHECK = Map.of(
            "invalid_client", "check the client id and its secret (the app client must have a secret)",
            "unauthorized_client", "the app client must allow the client_credentials OAuth flow",
            "invalid_scope", "ask only for scopes the app client is allowed (its allowed OAuth scopes)",
            "invalid_grant", "a resource server's custom scope is required: allow one for the app client,"
                    + " with OAuth turned on for it",
            "unsupported_grant_type", "the app client must allow the client_credentials OAuth flow",
            "invalid_request", "the token endpoint found the request malformed: check --domain");

    private ClientCredentialsError() {
    }

    /** The line for an HTTP 4xx answer with {@code body}. */
    static String describe(int status, String body) {
        String answer = OAuthError.fromBody(body, "HTTP " + status);
        String hint = OAuthError.code(body).map(WHAT_TO_CHECK::get)
                .orElse(status == 404 ? "check --domain: it has no /oauth2/token" : null);
        return "the token endpoint refused the client credentials grant: " + answer + (hint == null ? "" : "; " + hint);
    }
}
