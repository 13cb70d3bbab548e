package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

/**
 * Checks a login of an identity pool as Cognito Identity does: an ID token of the user pool its
 * provider name names (the pool file's or one made at run time; that pool's signature and
 * issuer), for one of the accepted app clients, unexpired. Refusals carry Cognito Identity's own
 * words.
 */
final class IdTokenCheck {

    private final PoolDirectory pools;
    private final Clock clock;

    IdTokenCheck(PoolDirectory pools, Clock clock) {
        this.pools = pools;
        this.clock = clock;
    }

    /** The region new identity pools are made in: the pool file's. */
    String region() {
        return pools.filePool().region();
    }

    /** Whether {@code providerName} names a user pool served here and {@code clientId} is one of its app clients. */
    boolean knows(String providerName, String clientId) {
        return userPool(providerName).filter(pool -> pool.services().clients().has(clientId)).isPresent();
    }

    /** The {@code sub} of a valid ID token of the user pool {@code providerName} names, for one of {@code audiences}. */
    String subject(String providerName, String token, Collection<String> audiences) {
        // A user pool deleted since the identity pool was made has no key left to verify with.
        RunningPool pool = userPool(providerName).orElseThrow(() -> invalid("Couldn't verify signed token."));
        ObjectNode claims = pool.signer().verify(token).orElseThrow(() -> invalid("Couldn't verify signed token."));
        if (!"id".equals(claims.path("token_use").asText()) || !claims.path("sub").isTextual()) {
            throw invalid("Not a valid OpenId Connect identity token.");
        }
        if (!pool.issuer().equals(claims.path("iss").asText())) {
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

    /** The served user pool whose provider name ({@code cognito-idp.<region>.amazonaws.com/<poolId>}) this is. */
    private Optional<RunningPool> userPool(String providerName) {
        return pools.all().stream().filter(pool -> pool.definition().providerName().equals(providerName)).findFirst();
    }

    private static CognitoError invalid(String why) {
        return CognitoError.notAuthorized("Invalid login token. " + why);
    }
}
