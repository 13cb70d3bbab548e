package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Collection;

/**
 * Checks a login of an identity pool as Cognito Identity does: an ID token of this user pool
 * (its provider name, signature and issuer), for one of the accepted app clients, unexpired.
 * Refusals carry Cognito Identity's own words.
 */
final class IdTokenCheck {

    private final String providerName;
    private final String region;
    private final String issuer;
    private final ClientRegistry clients;
    private final JwtSigner signer;
    private final Clock clock;

    IdTokenCheck(String providerName, String region, String issuer, ClientRegistry clients, JwtSigner signer,
                 Clock clock) {
        this.providerName = providerName;
        this.region = region;
        this.issuer = issuer;
        this.clients = clients;
        this.signer = signer;
        this.clock = clock;
    }

    /** The region new identity pools are made in: the user pool's. */
    String region() {
        return region;
    }

    /** Whether {@code providerName} is this pool's and {@code clientId} one of its app clients. */
    boolean knows(String providerName, String clientId) {
        if (!this.providerName.equals(providerName)) {
            return false;
        }
        try {
            clients.find(clientId);
            return true;
        } catch (CognitoError unknown) {
            return false;
        }
    }

    /** The {@code sub} of a valid ID token of this pool for one of {@code audiences}. */
    String subject(String providerName, String token, Collection<String> audiences) {
        if (!this.providerName.equals(providerName)) {
            throw invalid("Issuer doesn't match providerName");
        }
        ObjectNode claims = signer.verify(token).orElseThrow(() -> invalid("Couldn't verify signed token."));
        if (!"id".equals(claims.path("token_use").asText()) || !claims.path("sub").isTextual()) {
            throw invalid("Not a valid OpenId Connect identity token.");
        }
        if (!issuer.equals(claims.path("iss").asText())) {
            throw invalid("Issuer doesn't match providerName");
        }
        if (!audiences.contains(claims.path("aud").asText())) {
            throw invalid("Incorrect token audience.");
        }
        long now = clock.instant().getEpochSecond();
        long expiry = claims.path("exp").asLong();
        if (now >= expiry) {
            throw invalid("Token expired: " + now + " >= " + expiry);
        }
        return claims.get("sub").textValue();
    }

    private static CognitoError invalid(String why) {
        return CognitoError.notAuthorized("Invalid login token. " + why);
    }
}
