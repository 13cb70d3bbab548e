package dev.cogauth.tokens;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.json.JsonTree;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Renders a sign-in's tokens in an {@link OutputFormat}; the text ends with a newline. */
public final class TokenPrinter {
    private TokenPrinter() {
    }

    /** @param receivedAt when the tokens arrived, to turn ExpiresIn into an absolute ExpiresAt */
    public static String render(OutputFormat format, AuthenticationResult tokens, Instant receivedAt) {
        Instant expiresAt = receivedAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(tokens.expiresIn());
        return switch (format) {
            case JSON -> json(tokens, expiresAt);
            case ENV -> env(tokens, expiresAt);
            case ID_TOKEN -> {
                if (tokens.idToken() == null) {
                    throw new NoIdTokenException("--output id-token", null);
                }
                yield tokens.idToken() + "\n";
            }
            case ACCESS_TOKEN -> tokens.accessToken() + "\n";
        };
    }

    private static String json(AuthenticationResult tokens, Instant expiresAt) {
        ObjectNode node = JsonTree.object();
        // A client_credentials grant gives an access token only, a browser sign-in without openid no ID token.
        if (tokens.idToken() != null) {
            node.put("IdToken", tokens.idToken());
        }
        node.put("AccessToken", tokens.accessToken());
        if (tokens.refreshToken() != null) {
            node.put("RefreshToken", tokens.refreshToken());
        }
        node.put("ExpiresIn", tokens.expiresIn());
        node.put("TokenType", tokens.tokenType() == null ? "Bearer" : tokens.tokenType());
        node.put("ExpiresAt", expiresAt.toString());
        return JsonTree.compact(node) + "\n";
    }

    private static String env(AuthenticationResult tokens, Instant expiresAt) {
        StringBuilder out = new StringBuilder();
        if (tokens.idToken() != null) {
            export(out, "COGNITO_ID_TOKEN", tokens.idToken());
        }
        export(out, "COGNITO_ACCESS_TOKEN", tokens.accessToken());
        if (tokens.refreshToken() != null) {
            export(out, "COGNITO_REFRESH_TOKEN", tokens.refreshToken());
        }
        export(out, "COGNITO_EXPIRES_AT", expiresAt.toString());
        return out.toString();
    }

    /** Single quotes make any value literal for sh; a quote inside becomes '\''. */
    public static void export(StringBuilder out, String name, String value) {
        out.append("export ").append(name).append("='").append(value.replace("'", "'\\''")).append("'\n");
    }
}
