package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.IdentityPoolDefinition;
import dev.cogauth.protocol.ErrorType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cognito's identity service ({@code AWSCognitoIdentityService.*}) for the users of every user
 * pool served here (the pool file's and those made at run time): CreateIdentityPool,
 * DescribeIdentityPool, GetId, GetCredentialsForIdentity, GetOpenIdToken. A login is a user
 * pool's ID token under that pool's provider name, checked as Cognito Identity checks it
 * (signature, issuer, audience among the identity pool's app clients, expiry).
 */
final class IdentityOperations {

    static final String OPEN_ID_ISSUER = "https://cognito-identity.amazonaws.com";
    private static final Duration CREDENTIALS_LIFETIME = Duration.ofHours(1);
    private static final Duration OPEN_ID_LIFETIME = Duration.ofMinutes(10);
    /** CreateIdentityPool members whose effect the local pool does not imitate: refused, never ignored. */
    private static final List<String> UNSUPPORTED = List.of("SupportedLoginProviders", "DeveloperProviderName",
            "OpenIdConnectProviderARNs", "SamlProviderARNs");
    private static final Set<String> NEUTRAL = Set.of("IdentityPoolName", "AllowUnauthenticatedIdentities",
            "CognitoIdentityProviders", "AllowClassicFlow", "IdentityPoolTags");

    private final ObjectMapper json;
    private final IdentityStore store;
    private final IdTokenCheck idTokens;
    private final JwtSigner signer;
    private final SecureRandom random;
    private final Clock clock;
    private final PoolLog log;

    IdentityOperations(ObjectMapper json, IdentityStore store, IdTokenCheck idTokens, JwtSigner signer,
                       SecureRandom random, Clock clock, PoolLog log) {
        this.json = json;
        this.store = store;
        this.idTokens = idTokens;
        this.signer = signer;
        this.random = random;
        this.clock = clock;
        this.log = log;
    }

    Operation createIdentityPool() {
        return request -> {
            ObjectNode body = request.body();
            for (String member : UNSUPPORTED) {
                if (body.hasNonNull(member) && !(body.get(member).isContainerNode() && body.get(member).isEmpty())) {
                    throw CognitoError.invalidParameter(member + " is not supported by the local pool: its identity"
                            + " pools take only the ID tokens of its user pools (CognitoIdentityProviders).");
                }
            }
            String name = request.required("IdentityPoolName");
            if (!IdentityPoolDefinition.NAME.matcher(name).matches()) {
                throw validation(name, "identityPoolName", "[\\w ]+");
            }
            JsonNode allow = body.get("AllowUnauthenticatedIdentities");
            if (allow == null || !allow.isBoolean()) {
                throw CognitoError.missingMember("AllowUnauthenticatedIdentities");
            }
            List<IdentityPoolDefinition.Provider> providers = new ArrayList<>();
            JsonNode list = body.get("CognitoIdentityProviders");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    throw new CognitoError(ErrorType.SERIALIZATION, "Expected a list for CognitoIdentityProviders");
                }
                for (JsonNode provider : list) {
                    String providerName = provider.path("ProviderName").asText("");
                    String clientId = provider.path("ClientId").asText("");
                    if (!idTokens.knows(providerName, clientId)) {
                        throw CognitoError.invalidParameter("Invalid Cognito Identity Provider: "
                                + printable(providerName) + " with client " + printable(clientId)
                                + " is no app client of a user pool the local pool serves.");
                    }
                    providers.add(new IdentityPoolDefinition.Provider(providerName, clientId));
                }
            }
            IdentityPoolDefinition pool = store.create(idTokens.region(), name, allow.booleanValue(), providers);
            log.step("CreateIdentityPool " + pool.identityPoolId() + " (" + providers.size() + " providers)");
            return describe(pool);
        };
    }

    Operation describeIdentityPool() {
        return request -> describe(store.pool(identityPoolId(request)));
    }

    Operation getId() {
        return request -> {
            IdentityPoolDefinition pool = store.pool(identityPoolId(request));
            String login = login(pool, request.map("Logins"));
            if (login == null && !pool.allowUnauthenticated()) {
                throw CognitoError.notAuthorized("Unauthenticated access is not supported for this identity pool.");
            }
            IdentityStore.Identity identity = store.identityFor(pool.identityPoolId(), login);
            log.step("GetId " + pool.identityPoolId() + (login == null ? " (guest)" : "") + " → " + identity.identityId());
            return json.createObjectNode().put("IdentityId", identity.identityId());
        };
    }

    Operation getCredentialsForIdentity() {
        return request -> {
            IdentityStore.Identity identity = identity(request);
            if (request.optional("CustomRoleArn") != null) {
                throw CognitoError.invalidParameter("CustomRoleArn is not supported by the local pool (it has no roles).");
            }
            TemporaryCredentials credentials = TemporaryCredentials.issue(random,
                    clock.instant().plus(CREDENTIALS_LIFETIME));
            log.step("GetCredentialsForIdentity " + identity.identityId() + " → " + credentials.accessKeyId());
            ObjectNode response = json.createObjectNode().put("IdentityId", identity.identityId());
            response.putObject("Credentials")
                    .put("AccessKeyId", credentials.accessKeyId())
                    .put("SecretKey", credentials.secretKey())
                    .put("SessionToken", credentials.sessionToken())
                    .put("Expiration", credentials.expiration().getEpochSecond());
            return response;
        };
    }

    Operation getOpenIdToken() {
        return request -> {
            IdentityStore.Identity identity = identity(request);
            Instant now = clock.instant();
            ObjectNode claims = json.createObjectNode()
                    .put("sub", identity.identityId())
                    .put("aud", identity.identityPoolId())
                    .put("iss", OPEN_ID_ISSUER)
                    .put("https://cognito-identity.amazonaws.com/identity-pool-arn",
                            "arn:aws:cognito-identity:" + store.pool(identity.identityPoolId()).region()
                                    + ":000000000000:identitypool/" + identity.identityPoolId());
            ArrayNode amr = claims.putArray("amr");
            if (identity.login() == null) {
                amr.add("unauthenticated");
            } else {
                String providerName = identity.login().substring(0, identity.login().lastIndexOf(':'));
                amr.add("authenticated").add(providerName).add(providerName + ":CognitoSignIn:"
                        + identity.login().substring(providerName.length() + 1));
            }
            claims.put("exp", now.plus(OPEN_ID_LIFETIME).getEpochSecond()).put("iat", now.getEpochSecond());
            log.step("GetOpenIdToken " + identity.identityId());
            return json.createObjectNode().put("IdentityId", identity.identityId()).put("Token", signer.sign(claims));
        };
    }

    /** The identity named in the request, after checking the caller may act for it: its own login, or a guest. */
    private IdentityStore.Identity identity(JsonRequest request) {
        String identityId = request.required("IdentityId");
        if (!IdentityPoolDefinition.ID.matcher(identityId).matches()) {
            throw validation(identityId, "identityId", "[\\w-]+:[0-9a-f-]+");
        }
        IdentityStore.Identity identity = store.identity(identityId).orElseThrow(() ->
                new CognitoError(ErrorType.RESOURCE_NOT_FOUND, "Identity '" + identityId + "' not found."));
        IdentityPoolDefinition pool = store.pool(identity.identityPoolId());
        String login = login(pool, request.map("Logins"));
        if (login == null ? identity.login() != null || !pool.allowUnauthenticated() : !login.equals(identity.login())) {
            throw CognitoError.notAuthorized("Logins don't match. Please include at least one valid login for this"
                    + " identity or identity pool.");
        }
        return identity;
    }

    /** The {@code <providerName>:<sub>} of the request's Logins, checked; null when it has none. */
    private String login(IdentityPoolDefinition pool, Map<String, String> logins) {
        if (logins.isEmpty()) {
            return null;
        }
        if (logins.size() > 1) {
            throw CognitoError.invalidParameter("The local pool takes one login per request.");
        }
        Map.Entry<String, String> login = logins.entrySet().iterator().next();
        List<String> audiences = pool.providers().stream()
                .filter(provider -> provider.providerName().equals(login.getKey()))
                .map(IdentityPoolDefinition.Provider::clientId).toList();
        if (audiences.isEmpty()) {
            throw CognitoError.notAuthorized("Token is not from a supported provider of this identity pool.");
        }
        return login.getKey() + ":" + idTokens.subject(login.getKey(), login.getValue(), audiences);
    }

    private static String identityPoolId(JsonRequest request) {
        String id = request.required("IdentityPoolId");
        if (!IdentityPoolDefinition.ID.matcher(id).matches()) {
            throw validation(id, "identityPoolId", "[\\w-]+:[0-9a-f-]+");
        }
        return id;
    }

    private static CognitoError validation(String value, String member, String pattern) {
        return new CognitoError("ValidationException", "1 validation error detected: Value '" + printable(value)
                + "' at '" + member + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + pattern);
    }

    /** A caller's value, made safe to echo into an answer and the log. */
    private static String printable(String value) {
        String cut = value.length() > 128 ? value.substring(0, 128) + "..." : value;
        return cut.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "?");
    }

    private ObjectNode describe(IdentityPoolDefinition pool) {
        ObjectNode response = json.createObjectNode()
                .put("IdentityPoolId", pool.identityPoolId())
                .put("IdentityPoolName", pool.name())
                .put("AllowUnauthenticatedIdentities", pool.allowUnauthenticated())
                .put("AllowClassicFlow", false);
        ArrayNode providers = response.putArray("CognitoIdentityProviders");
        pool.providers().forEach(provider -> providers.addObject().put("ProviderName", provider.providerName())
                .put("ClientId", provider.clientId()).put("ServerSideTokenCheck", false));
        response.putObject("IdentityPoolTags");
        return response;
    }
}
