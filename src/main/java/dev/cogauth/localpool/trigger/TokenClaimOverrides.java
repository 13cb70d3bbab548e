package dev.cogauth.localpool.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Pre Token Generation trigger answered, applied to a token's claims as Cognito applies it:
 * version 1's {@code claimsOverrideDetails} (ID token only) or versions 2 and 3's
 * {@code claimsAndScopeOverrideDetails} (ID and access tokens, the access token's scopes);
 * {@code groupOverrideDetails} replaces {@code cognito:groups} in both. Suppressing wins over
 * adding; the claims Cognito documents as unchangeable are left as they were (see
 * {@link #ignored()}). Used for user sign-ins and for the client-credentials grant (version 3, access token only).
 */
public final class TokenClaimOverrides {

    /** Claims no trigger changes (Amazon Cognito Developer Guide, "Pre token generation Lambda trigger"). */
    static final Set<String> RESERVED = Set.of("acr", "amr", "aud", "at_hash", "auth_time", "azp", "cognito:username",
            "exp", "iat", "identities", "iss", "jti", "nbf", "nonce", "origin_jti", "sub", "token_use");
    /** ...and in access tokens, what identifies the client and the grant. */
    static final Set<String> RESERVED_IN_ACCESS = Set.of("client_id", "scope", "username", "event_id", "device_key",
            "version");
    /** ID token claims whose values stay plain (a string, number or boolean) even in version 2 and 3. */
    private static final Set<String> SCALAR_IN_ID = Set.of("phone_number_verified", "email_verified", "updated_at",
            "address");

    private final Edits id;
    private final Edits access;
    private final JsonNode groups;
    private final List<String> scopesToAdd;
    private final List<String> scopesToSuppress;
    private final Set<String> ignored = new LinkedHashSet<>();

    private TokenClaimOverrides(Edits id, Edits access, JsonNode groups, List<String> scopesToAdd,
                                List<String> scopesToSuppress) {
        this.id = id;
        this.access = access;
        this.groups = groups;
        this.scopesToAdd = scopesToAdd;
        this.scopesToSuppress = scopesToSuppress;
    }

    /** Nothing to change: the trigger answered no overrides. */
    public static TokenClaimOverrides none() {
        return new TokenClaimOverrides(Edits.NONE, Edits.NONE, null, List.of(), List.of());
    }

    /**
     * Reads the trigger's {@code response}.
     *
     * @param version the event version the trigger was sent: 1, 2 or 3
     * @throws TriggerException MALFORMED_RESPONSE when a part has the wrong type, as Cognito's
     *                          InvalidLambdaResponseException
     */
    public static TokenClaimOverrides read(JsonNode response, int version) throws TriggerException {
        if (version == 1) {
            JsonNode details = response.get("claimsOverrideDetails");
            if (absent(details)) {
                return none();
            }
            ObjectNode object = object(details, "claimsOverrideDetails");
            return new TokenClaimOverrides(Edits.read(object, "claimsOverrideDetails", false), Edits.NONE,
                    groups(object, "claimsOverrideDetails"), List.of(), List.of());
        }
        JsonNode details = response.get("claimsAndScopeOverrideDetails");
        if (absent(details)) {
            return none();
        }
        String at = "claimsAndScopeOverrideDetails";
        ObjectNode object = object(details, at);
        JsonNode idNode = object.get("idTokenGeneration");
        JsonNode accessNode = object.get("accessTokenGeneration");
        Edits id = absent(idNode) ? Edits.NONE : Edits.read(object(idNode, at + ".idTokenGeneration"),
                at + ".idTokenGeneration", true);
        Edits access = Edits.NONE;
        List<String> add = List.of();
        List<String> suppress = List.of();
        if (!absent(accessNode)) {
            ObjectNode accessObject = object(accessNode, at + ".accessTokenGeneration");
            access = Edits.read(accessObject, at + ".accessTokenGeneration", true);
            add = strings(accessObject.get("scopesToAdd"), at + ".accessTokenGeneration.scopesToAdd");
            suppress = strings(accessObject.get("scopesToSuppress"), at + ".accessTokenGeneration.scopesToSuppress");
        }
        return new TokenClaimOverrides(id, access, groups(object, at), add, suppress);
    }

    /** Applies the overrides meant for the ID token. */
    public void applyToIdToken(ObjectNode claims) {
        id.apply(claims, RESERVED, ignored, SCALAR_IN_ID);
        if (groups != null) {
            setGroups(claims, groups.get("groupsToOverride"));
            set(claims, "cognito:roles", groups.get("iamRolesToOverride"));
            JsonNode preferred = groups.get("preferredRole");
            if (preferred != null && preferred.isTextual()) {
                claims.put("cognito:preferred_role", preferred.textValue());
            } else {
                claims.remove("cognito:preferred_role");
            }
        }
    }

    /** Applies the overrides meant for the access token: claims, scopes and groups. */
    public void applyToAccessToken(ObjectNode claims) {
        Set<String> reserved = new LinkedHashSet<>(RESERVED);
        reserved.addAll(RESERVED_IN_ACCESS);
        access.apply(claims, reserved, ignored, Set.of());
        if (!scopesToAdd.isEmpty() || !scopesToSuppress.isEmpty()) {
            Set<String> scopes = new LinkedHashSet<>(List.of(claims.path("scope").asText("").split(" ")));
            scopes.remove("");
            scopes.addAll(scopesToAdd);
            scopesToSuppress.forEach(scopes::remove);
            claims.put("scope", String.join(" ", scopes));
        }
        if (groups != null) {
            setGroups(claims, groups.get("groupsToOverride"));
        }
    }

    /** The unchangeable claims the trigger tried to change (they were left as they were), for the log. */
    public Set<String> ignored() {
        return Set.copyOf(ignored);
    }

    private static void setGroups(ObjectNode claims, JsonNode list) {
        set(claims, "cognito:groups", list);
    }

    private static void set(ObjectNode claims, String name, JsonNode list) {
        if (list instanceof ArrayNode array && !array.isEmpty()) {
            claims.set(name, array.deepCopy());
        } else {
            claims.remove(name);
        }
    }

    /** One token's claimsToAddOrOverride and claimsToSuppress. */
    private record Edits(Map<String, JsonNode> add, List<String> suppress) {
        static final Edits NONE = new Edits(Map.of(), List.of());

        static Edits read(ObjectNode node, String at, boolean complexValues) throws TriggerException {
            Map<String, JsonNode> add = new LinkedHashMap<>();
            JsonNode claims = node.get("claimsToAddOrOverride");
            if (!absent(claims)) {
                ObjectNode object = object(claims, at + ".claimsToAddOrOverride");
                for (Map.Entry<String, JsonNode> claim : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
                    JsonNode value = claim.getValue();
                    if (value.isNull() || (!complexValues && value.isContainerNode())) {
                        throw malformed(at + ".claimsToAddOrOverride." + claim.getKey() + " is "
                                + (value.isNull() ? "null" : "not a string"));
                    }
                    add.put(claim.getKey(), value.deepCopy());
                }
            }
            return new Edits(add, strings(node.get("claimsToSuppress"), at + ".claimsToSuppress"));
        }

        void apply(ObjectNode claims, Set<String> reserved, Set<String> ignored, Set<String> scalarOnly) {
            add.forEach((name, value) -> {
                if (reserved.contains(name) || (value.isContainerNode() && scalarOnly.contains(name))) {
                    ignored.add(name);
                } else {
                    claims.set(name, value);
                }
            });
            for (String name : suppress) {
                if (reserved.contains(name)) {
                    ignored.add(name);
                } else {
                    claims.remove(name);
                }
            }
        }
    }

    private static JsonNode groups(ObjectNode details, String at) throws TriggerException {
        if (!details.has("groupOverrideDetails")) {
            return null;
        }
        JsonNode groups = details.get("groupOverrideDetails");
        // An empty or null groupOverrideDetails suppresses the groups, as Cognito documents.
        if (groups.isNull()) {
            return details.objectNode();
        }
        ObjectNode object = object(groups, at + ".groupOverrideDetails");
        strings(object.get("groupsToOverride"), at + ".groupOverrideDetails.groupsToOverride");
        strings(object.get("iamRolesToOverride"), at + ".groupOverrideDetails.iamRolesToOverride");
        JsonNode preferred = object.get("preferredRole");
        if (!absent(preferred) && !preferred.isTextual()) {
            throw malformed(at + ".groupOverrideDetails.preferredRole is not a string");
        }
        return object;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static ObjectNode object(JsonNode node, String at) throws TriggerException {
        if (!(node instanceof ObjectNode object)) {
            throw malformed(at + " is not an object");
        }
        return object;
    }

    private static List<String> strings(JsonNode node, String at) throws TriggerException {
        List<String> values = new ArrayList<>();
        if (absent(node)) {
            return values;
        }
        if (!node.isArray()) {
            throw malformed(at + " is not a list of strings");
        }
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw malformed(at + " is not a list of strings");
            }
            values.add(value.textValue());
        }
        return values;
    }

    private static TriggerException malformed(String why) {
        return new TriggerException(TriggerException.Kind.MALFORMED_RESPONSE, why);
    }
}
