package dev.cogauth.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogauth.api.AuthenticationResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The short human line a terminal sign-in ends with: who, where, until when; never token text. */
public final class SignInSummary {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private SignInSummary() {
    }

    public static String describe(AuthenticationResult tokens, String poolId, Instant now, ZoneId zone) {
        String who = "?";
        try {
            if (tokens.idToken() != null) {
                JsonNode claims = Jwt.claims(tokens.idToken());
                who = claims.path("cognito:username").asText(claims.path("sub").asText("?"));
                if (claims.hasNonNull("email")) {
                    who += " <" + claims.get("email").asText() + ">";
                }
            } else {
                // Signed in without openid: the access token's username, and no ID token to mention.
                JsonNode claims = Jwt.claims(tokens.accessToken());
                who = claims.path("username").asText(claims.path("sub").asText("?"));
            }
        } catch (IllegalArgumentException unreadable) {
            // The pool issued something we can't read: the summary just says less.
        }
        Instant expiresAt = now.plusSeconds(tokens.expiresIn());
        long minutes = Duration.ofSeconds(tokens.expiresIn()).toMinutes();
        return "Signed in as " + who + " to " + poolId + "; tokens expire at "
                + TIME.format(expiresAt.atZone(zone)) + " (in " + minutes + " min)."
                + (tokens.idToken() == null ? " No ID token: the sign-in was made without the openid scope." : "");
    }
}
