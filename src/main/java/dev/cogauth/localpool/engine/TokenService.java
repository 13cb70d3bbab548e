package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.trigger.TokenClaimOverrides;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.protocol.OAuthScopes;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues Cognito-shaped tokens and keeps what revocation needs: every sign-in gets an
 * {@code origin_jti} and an opaque refresh token bound to it; revoking one revokes the
 * access tokens that share its origin. With device tracking, a sign-in's tokens belong to its
 * device: its refresh token works only once that device is confirmed and only with its
 * DEVICE_KEY, and once it is forgotten the refresh token is dead.
 */
final class TokenService {

    /** The scope of tokens from the API sign-in; the managed login grants the scopes asked for. */
    static final String API_SCOPE = "aws.cognito.signin.user.admin";
    private static final String INVALID_REFRESH = "Invalid Refresh Token";

    private final ObjectMapper json;
    private final JwtSigner signer;
    private final SecureRandom random;
    private final Clock clock;
    private final String issuer;
    private final DeviceStore devices;
    /** Cognito's longest ID and access token lifetime: a revoked sign-in's tokens are dead by then. */
    private static final Duration LONGEST_TOKEN = Duration.ofDays(1);
    private final SignInTriggers triggers;

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    /** Revoked sign-ins (origin_jti) until the last token they could have issued has expired. */
    private final Map<String, Instant> revokedOrigins = new ConcurrentHashMap<>();
    private final AtomicLong nextPurge = new AtomicLong();
    private final int capacity;

    /** @param capacity refresh grants and revoked sign-ins kept at once; beyond it sign-ins are throttled */
    TokenService(ObjectMapper json, JwtSigner signer, SecureRandom random, Clock clock, String issuer,
                 DeviceStore devices, SignInTriggers triggers, int capacity) {
        this.triggers = triggers;
        this.json = json;
        this.signer = signer;
        this.random = random;
        this.clock = clock;
        this.issuer = issuer;
        this.devices = devices;
        this.capacity = capacity;
    }

    /** Refresh grants and revoked sign-ins kept now. */
    int stored() {
        return grants.size() + revokedOrigins.size();
    }

    String issuer() {
        return issuer;
    }

    /**
     * The AuthenticationResult of a completed sign-in: ID, access and a new refresh token.
     *
     * @param deviceKey the sign-in's device (proven, or just offered), or null
     * @param newDevice whether the device was just offered (Post Authentication's newDeviceUsed)
     */
    ObjectNode signIn(PoolUser user, ClientDefinition client, String deviceKey, boolean newDevice,
                      SignInTriggers.TokenSource source) {
        return signIn(user, client, deviceKey, newDevice, API_SCOPE, null, source);
    }

    /**
     * A sign-in's tokens with the given scope (space-separated) in the access token and, when not
     * null, the OIDC {@code nonce} in the ID token; refreshes keep the scope.
     */
    ObjectNode signIn(PoolUser user, ClientDefinition client, String deviceKey, boolean newDevice, String scope,
                      String nonce, SignInTriggers.TokenSource source) {
        triggers.postAuthentication(user, client.clientId(), newDevice);
        Instant now = clock.instant();
        String originJti = UUID.randomUUID().toString();
        // The API's sign-ins always have an ID token; the managed login's only with openid, as Cognito documents.
        boolean idToken = source != SignInTriggers.TokenSource.HOSTED_AUTH
                || OAuthScopes.issueIdToken(List.of(scope.split(" ")));
        String refreshToken = newRefreshToken(new Grant(user, client.clientId(), originJti, now, deviceKey, null, scope,
                now.plus(client.tokenValidity().refresh()), idToken));
        ObjectNode result = withoutIdTokenUnless(idToken, result(user, client, originJti, now, deviceKey, scope, nonce,
                source));
        return result.put("RefreshToken", refreshToken);
    }

    /**
     * New ID and access tokens for a refresh token; a new refresh token too when the client rotates them.
     *
     * @param deviceKey the DEVICE_KEY the caller sent, or null
     */
    ObjectNode refresh(ClientDefinition client, String refreshToken, boolean rotate, String deviceKey) {
        Instant now = clock.instant();
        Grant grant = grants.get(refreshToken);
        if (grant == null || !grant.clientId().equals(client.clientId()) || revokedOrigins.containsKey(grant.originJti())
                || (grant.validUntil() != null && !now.isBefore(grant.validUntil()))
                || !now.isBefore(grant.authTime().plus(client.tokenValidity().refresh()))
                || !devices.refreshAllowed(grant.deviceKey(), deviceKey)) {
            throw CognitoError.notAuthorized(INVALID_REFRESH);
        }
        ObjectNode result = withoutIdTokenUnless(grant.idToken(), result(grant.user(), client, grant.originJti(),
                grant.authTime(), grant.deviceKey(), grant.scope(), null, SignInTriggers.TokenSource.REFRESH_TOKENS));
        if (rotate) {
            if (grant.validUntil() == null) {
                grants.put(refreshToken, grant.expiring(now.plus(client.refreshTokenGrace())));
            }
            result.put("RefreshToken", newRefreshToken(new Grant(grant.user(), client.clientId(), grant.originJti(),
                    grant.authTime(), grant.deviceKey(), null, grant.scope(), grant.expiresAt(), grant.idToken())));
        }
        return result;
    }

    /**
     * A client_credentials grant's access token, as Cognito issues it to a machine: the client is its
     * own subject, there is no user, no ID and no refresh token.
     *
     * @param scope            the granted scopes, space-separated
     * @param claimsToAdd      claims a pre token generation trigger adds (protected ones already left out)
     * @param claimsToSuppress claims it drops
     */
    ObjectNode clientCredentials(ClientDefinition client, String scope, Map<String, JsonNode> claimsToAdd,
                                 Set<String> claimsToSuppress) {
        Instant now = clock.instant();
        ObjectNode access = json.createObjectNode();
        // A pre token generation trigger's claims first: the token's own claims below win over them.
        claimsToAdd.forEach(access::set);
        claimsToSuppress.forEach(access::remove);
        access.put("sub", client.clientId()).put("token_use", "access").put("scope", scope)
                .put("iss", issuer).put("version", 2).put("client_id", client.clientId());
        times(access, now, now, client.tokenValidity().access());
        return json.createObjectNode()
                .put("access_token", signer.sign(access))
                .put("expires_in", client.tokenValidity().access().toSeconds())
                .put("token_type", "Bearer");
    }

    /** The user a refresh token belongs to, for SECRET_HASH checks; empty for an unknown token. */
    Optional<PoolUser> refreshTokenUser(String refreshToken) {
        Grant grant = grants.get(refreshToken);
        return Optional.ofNullable(grant == null ? null : grant.user());
    }

    /** RevokeToken: the refresh token and every token issued from it stop working. */
    void revoke(ClientDefinition client, String refreshToken) {
        Grant grant = grants.get(refreshToken);
        if (grant == null) {
            return; // Cognito answers success for a token it does not know
        }
        if (!grant.clientId().equals(client.clientId())) {
            throw CognitoError.invalidParameter("Invalid token: the token was not issued to this client.");
        }
        revokedOrigins.put(grant.originJti(), grant.expiresAt().plus(LONGEST_TOKEN));
    }

    /** GlobalSignOut: every sign-in of the user ends. */
    void signOutEverywhere(PoolUser user) {
        grants.values().stream().filter(grant -> grant.user() == user)
                .forEach(grant -> revokedOrigins.put(grant.originJti(), grant.expiresAt().plus(LONGEST_TOKEN)));
    }

    /** The user of a valid, unexpired, unrevoked access token. */
    PoolUser accessTokenUser(String accessToken, UserStore users) {
        ObjectNode claims = accessTokenClaims(accessToken);
        return users.find(claims.path("username").asText())
                .orElseThrow(() -> CognitoError.notAuthorized("Invalid Access Token"));
    }

    /** The app client a valid, unexpired, unrevoked access token was issued to. */
    String accessTokenClient(String accessToken) {
        return accessTokenClaims(accessToken).path("client_id").asText();
    }

    private ObjectNode accessTokenClaims(String accessToken) {
        ObjectNode claims = signer.verify(accessToken)
                .filter(c -> "access".equals(c.path("token_use").asText()))
                .filter(c -> issuer.equals(c.path("iss").asText()))
                .orElseThrow(() -> CognitoError.notAuthorized("Invalid Access Token"));
        if (clock.instant().getEpochSecond() >= claims.path("exp").asLong()) {
            throw CognitoError.notAuthorized("Access Token has expired");
        }
        if (revokedOrigins.containsKey(claims.path("origin_jti").asText())) {
            throw CognitoError.notAuthorized("Access Token has been revoked");
        }
        return claims;
    }

    private ObjectNode result(PoolUser user, ClientDefinition client, String originJti, Instant authTime,
                              String deviceKey, String scope, String nonce, SignInTriggers.TokenSource source) {
        TokenClaimOverrides overrides = triggers.preTokenGeneration(user, client.clientId(), source,
                List.of(scope.split(" ")));
        Instant now = clock.instant();
        String eventId = UUID.randomUUID().toString();
        ObjectNode id = json.createObjectNode();
        user.attributes().forEach((name, value) -> {
            if (name.endsWith("_verified")) {
                id.put(name, Boolean.parseBoolean(value));
            } else if (name.equals(PoolUser.IDENTITIES)) {
                id.set(name, identities(value));
            } else {
                id.put(name, value);
            }
        });
        id.put("iss", issuer).put("cognito:username", user.username()).put("origin_jti", originJti)
                .put("aud", client.clientId()).put("event_id", eventId).put("token_use", "id");
        if (nonce != null) {
            id.put("nonce", nonce);
        }
        groups(id, user);
        times(id, authTime, now, client.tokenValidity().id());
        overrides.applyToIdToken(id);
        ObjectNode access = json.createObjectNode()
                .put("sub", user.sub()).put("iss", issuer).put("client_id", client.clientId())
                .put("origin_jti", originJti).put("event_id", eventId).put("token_use", "access")
                .put("scope", scope);
        if (deviceKey != null) {
            access.put("device_key", deviceKey);
        }
        times(access, authTime, now, client.tokenValidity().access());
        groups(access, user);
        access.put("username", user.username());
        overrides.applyToAccessToken(access);
        triggers.logIgnored(overrides);
        return json.createObjectNode()
                .put("AccessToken", signer.sign(access))
                .put("ExpiresIn", client.tokenValidity().access().toSeconds())
                .put("IdToken", signer.sign(id))
                .put("TokenType", "Bearer");
    }

    /** Cognito's {@code cognito:groups} claim, in ID and access tokens, when the user is in a group. */
    private static void groups(ObjectNode claims, PoolUser user) {
        if (!user.groups().isEmpty()) {
            user.groups().forEach(claims.putArray("cognito:groups")::add);
        }
    }

    /** The {@code identities} attribute is a JSON string; in the ID token it is the array itself. */
    private JsonNode identities(String value) {
        try {
            return json.readTree(value);
        } catch (IOException unreadable) {
            return json.getNodeFactory().textNode(value);
        }
    }

    private static void times(ObjectNode claims, Instant authTime, Instant now, Duration lifetime) {
        claims.put("auth_time", authTime.getEpochSecond())
                .put("exp", now.plus(lifetime).getEpochSecond())
                .put("iat", now.getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
    }

    private String newRefreshToken(Grant grant) {
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        purgeExpired(false);
        synchronized (this) { // the count and the put as one step, so that no burst overshoots
            if (stored() >= capacity) {
                purgeExpired(true);
                if (stored() >= capacity) {
                    throw new CognitoError(ErrorType.TOO_MANY_REQUESTS, "Rate exceeded");
                }
            }
            grants.put(token, grant);
        }
        return token;
    }

    /** Drops expired grants and revocations; unless {@code now}, at most once a second. */
    private void purgeExpired(boolean now) {
        Instant at = clock.instant();
        long due = nextPurge.get();
        if (!now && (at.toEpochMilli() < due || !nextPurge.compareAndSet(due, at.toEpochMilli() + 1000))) {
            return;
        }
        grants.values().removeIf(grant -> !at.isBefore(grant.expiresAt())
                || (grant.validUntil() != null && !at.isBefore(grant.validUntil())));
        revokedOrigins.values().removeIf(until -> !at.isBefore(until));
    }

    /**
     * One refresh token's sign-in and its device (or null); {@code validUntil} is set once rotation
     * replaced it; {@code expiresAt} is when the sign-in's refresh tokens expire.
     */
    /** @param idToken whether the sign-in's tokens include an ID token, its refreshes' too */
    private record Grant(PoolUser user, String clientId, String originJti, Instant authTime, String deviceKey,
                         Instant validUntil, String scope, Instant expiresAt, boolean idToken) {
        Grant expiring(Instant at) {
            return new Grant(user, clientId, originJti, authTime, deviceKey, at, scope, expiresAt, idToken);
        }
    }

    /**
     * A managed login sign-in without openid gets no ID token, and neither do its refreshes, whether through the
     * token endpoint or InitiateAuth (Cognito's documentation says nothing of the latter; no ID token is the
     * consistent answer).
     */
    private static ObjectNode withoutIdTokenUnless(boolean idToken, ObjectNode result) {
        if (!idToken) {
            result.remove("IdToken");
        }
        return result;
    }
}
