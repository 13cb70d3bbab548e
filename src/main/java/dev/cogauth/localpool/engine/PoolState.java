package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.IdentityPoolDefinition;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.srp.SrpVerifier;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code local-pool --state FILE} keeps across restarts, as one JSON document: the pools
 * CreateUserPool made (name, policy, settings, signing key, clients, groups) and the users of every
 * pool, the pool file's included, with their status, attributes, password verifier and groups.
 * The identity pools CreateIdentityPool made and the identities GetId handed out are kept too.
 * Sessions, codes in flight, tokens and devices are not kept. Reading checks every field and
 * throws {@link IllegalArgumentException} with one line naming the first bad one.
 */
final class PoolState {

    /** The format's version; a file of another is refused rather than half understood. */
    static final int VERSION = 1;
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private PoolState() {
    }

    static ObjectNode snapshot(ObjectMapper json, PoolDirectory directory, IdentityStore identityStore) {
        ObjectNode root = json.createObjectNode().put("cogauthLocalPoolState", VERSION);
        ArrayNode identityPools = root.putArray("identityPools");
        for (IdentityPoolDefinition pool : identityStore.createdAtRunTime()) {
            ObjectNode entry = identityPools.addObject().put("identityPoolId", pool.identityPoolId())
                    .put("name", pool.name()).put("allowUnauthenticated", pool.allowUnauthenticated());
            ArrayNode providers = entry.putArray("providers");
            pool.providers().forEach(provider -> providers.addObject().put("providerName", provider.providerName())
                    .put("clientId", provider.clientId()));
        }
        ArrayNode identities = root.putArray("identities");
        for (IdentityStore.Identity identity : identityStore.identities()) {
            identities.addObject().put("identityId", identity.identityId())
                    .put("identityPoolId", identity.identityPoolId()).put("login", identity.login());
        }
        ArrayNode pools = root.putArray("pools");
        for (RunningPool pool : directory.all()) {
            ObjectNode entry = pools.addObject().put("poolId", pool.poolId()).put("fromFile", pool.fromFile());
            if (!pool.fromFile()) {
                entry.put("name", pool.name()).put("mfa", pool.definition().mfa().name())
                        .put("created", pool.created().toString());
                entry.set("policies", pool.policy().toJson(json));
                entry.set("settings", pool.settings());
                KeyPair keys = pool.signer().keys();
                entry.putObject("signingKey").put("kid", pool.signer().keyId())
                        .put("private", B64.encodeToString(keys.getPrivate().getEncoded()))
                        .put("public", B64.encodeToString(keys.getPublic().getEncoded()));
            }
            ArrayNode clients = entry.putArray("clients");
            pool.clientSettings().values().forEach(clients::add);
            ArrayNode groups = entry.putArray("groups");
            for (Groups.Group group : pool.groups().all()) {
                ObjectNode view = groups.addObject().put("name", group.name()).put("created", group.created().toString());
                view.put("description", group.description()).put("roleArn", group.roleArn());
                if (group.precedence() != null) {
                    view.put("precedence", group.precedence());
                }
            }
            ArrayNode users = entry.putArray("users");
            UserStore store = pool.services().users();
            for (PoolUser user : store.all()) {
                users.add(user(json, user, store.createdAtRunTime(user.username())));
            }
        }
        return root;
    }

    private static ObjectNode user(ObjectMapper json, PoolUser user, boolean createdAtRunTime) {
        ObjectNode view = json.createObjectNode().put("username", user.username())
                .put("createdAtRunTime", createdAtRunTime).put("status", user.status().name())
                .put("enabled", user.enabled()).put("hasPassword", user.hasPassword())
                .put("salt", user.verifier().saltHex()).put("verifier", user.verifier().verifier().toString(16))
                .put("smsMfa", user.smsMfaSetting()).put("emailMfa", user.emailMfaSetting())
                .put("totpSecret", user.totpSecret()).put("preferredMfa", user.preferredMfa())
                .put("created", user.created().toString()).put("modified", user.modified().toString());
        ObjectNode attributes = view.putObject("attributes");
        user.attributes().forEach(attributes::put);
        user.groups().forEach(view.putArray("groups")::add);
        user.passkeys().forEach(view.putArray("passkeys")::add);
        return view;
    }

    /**
     * Puts what {@code state} holds into {@code directory}, which serves only the pool file's pool
     * yet, and {@code identityStore}, which holds only the pool file's identity pools yet.
     */
    static void restore(ObjectMapper json, PoolDirectory directory, IdentityStore identityStore, JsonNode state) {
        if (!(state instanceof ObjectNode) || !state.path("cogauthLocalPoolState").isInt()) {
            throw new IllegalArgumentException("not a local pool state file");
        }
        int version = state.get("cogauthLocalPoolState").intValue();
        if (version != VERSION) {
            throw new IllegalArgumentException("a state file of version " + version + ", this cogauth reads version "
                    + VERSION);
        }
        for (JsonNode entry : objects(state, "pools")) {
            String poolId = text(entry, "poolId");
            RunningPool pool;
            if (entry.path("fromFile").asBoolean(false)) {
                pool = directory.filePool();
                if (!pool.poolId().equals(poolId)) {
                    throw new IllegalArgumentException("it was written for the pool file's pool " + poolId + ", not "
                            + pool.poolId());
                }
            } else {
                pool = directory.restore(poolId, text(entry, "name"), PasswordPolicy.from(object(entry, "policies")),
                        MfaMode.valueOf(text(entry, "mfa")), object(entry, "settings").deepCopy(),
                        signer(json, object(entry, "signingKey")));
                pool.createdAt(Instant.parse(text(entry, "created")));
            }
            for (JsonNode client : objects(entry, "clients")) {
                ObjectNode view = ((ObjectNode) client).deepCopy();
                String clientId = text(view, "ClientId");
                ClientDefinition definition = ClientSettings.define(new JsonRequest(view), clientId,
                        view.path("ClientSecret").asText(null));
                if (pool.services().clients().has(clientId)) {
                    pool.services().clients().replace(definition);
                } else {
                    pool.services().clients().add(definition);
                }
                pool.clientSettings().put(clientId, view);
            }
            for (JsonNode group : objects(entry, "groups")) {
                JsonNode precedence = group.get("precedence");
                pool.groups().create(new Groups.Group(text(group, "name"), group.path("description").asText(null),
                        precedence == null ? null : precedence.intValue(), group.path("roleArn").asText(null),
                        Instant.parse(text(group, "created"))));
            }
            for (JsonNode user : objects(entry, "users")) {
                pool.services().users().restore(user(user), user.path("createdAtRunTime").asBoolean(false));
            }
        }
        restoreIdentities(state, identityStore);
    }

    /** The identity pools and identities; a file written before they were kept has neither. */
    private static void restoreIdentities(JsonNode state, IdentityStore identityStore) {
        if (state.has("identityPools")) {
            for (JsonNode entry : objects(state, "identityPools")) {
                List<IdentityPoolDefinition.Provider> providers = new ArrayList<>();
                for (JsonNode provider : objects(entry, "providers")) {
                    providers.add(new IdentityPoolDefinition.Provider(text(provider, "providerName"),
                            text(provider, "clientId")));
                }
                identityStore.restore(new IdentityPoolDefinition(text(entry, "identityPoolId"), text(entry, "name"),
                        entry.path("allowUnauthenticated").asBoolean(false), providers));
            }
        }
        if (state.has("identities")) {
            for (JsonNode entry : objects(state, "identities")) {
                JsonNode login = entry.get("login");
                if (login != null && !login.isNull() && !login.isTextual()) {
                    throw new IllegalArgumentException("the field login is not text");
                }
                identityStore.restore(new IdentityStore.Identity(text(entry, "identityId"),
                        text(entry, "identityPoolId"), login == null || login.isNull() ? null : login.textValue()));
            }
        }
    }

    private static PoolUser user(JsonNode view) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object(view, "attributes").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            attributes.put(field.getKey(), field.getValue().asText());
        }
        String sub = attributes.remove("sub");
        if (sub == null) {
            throw new IllegalArgumentException("a user without sub");
        }
        SrpVerifier verifier = new SrpVerifier(text(view, "salt"), new BigInteger(text(view, "verifier"), 16));
        PoolUser user = new PoolUser(text(view, "username"), sub, attributes, UserStatus.valueOf(text(view, "status")),
                verifier, view.path("hasPassword").asBoolean(true), view.path("smsMfa").asBoolean(false),
                view.path("emailMfa").asBoolean(false), view.path("totpSecret").asText(null),
                view.path("preferredMfa").asText(null), strings(view, "passkeys"));
        user.setEnabled(view.path("enabled").asBoolean(true));
        user.stamp(Instant.parse(text(view, "created")));
        user.stamp(Instant.parse(text(view, "modified")));
        strings(view, "groups").forEach(user::joinGroup);
        return user;
    }

    private static JwtSigner signer(ObjectMapper json, JsonNode key) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            KeyPair keys = new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(B64D.decode(text(key, "public")))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(B64D.decode(text(key, "private")))));
            return new JwtSigner(json, keys, text(key, "kid"));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("a signing key that is not an RSA key");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the field " + field + " is missing or not text");
        }
        return value.textValue();
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("the field " + field + " is missing or not an object");
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("the field " + field + " is missing or not a list");
        }
        return value;
    }

    private static JsonNode objects(JsonNode node, String field) {
        JsonNode value = array(node, field);
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw new IllegalArgumentException("the list " + field + " holds something else than objects");
            }
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        JsonNode list = node.get(field);
        if (list != null) {
            for (JsonNode value : array(node, field)) {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException("the list " + field + " holds something else than text");
                }
                values.add(value.textValue());
            }
        }
        return values;
    }
}
