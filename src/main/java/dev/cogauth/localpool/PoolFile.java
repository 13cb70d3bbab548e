package dev.cogauth.localpool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.builtin.BuiltinTriggers;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.IdentityPoolDefinition;
import dev.cogauth.localpool.definition.ManagedLoginDefinition;
import dev.cogauth.localpool.definition.PoolDefinition.DeviceTracking;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.PoolDefinition.SignInPolicy;
import dev.cogauth.localpool.definition.PoolDefinition.TriggerDefinitions;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.TokenValidity;
import dev.cogauth.localpool.definition.TriggerDefinition;
import dev.cogauth.localpool.definition.UserDefinition.MfaSettings;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.localpool.definition.UserDefinition;
import dev.cogauth.protocol.PoolId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pool file ({@code --pool FILE}, documented in docs/local-pool.md). Unknown fields are
 * errors, so a typo is reported rather than silently ignored.
 */
public final class PoolFile {

    private static final Set<String> TOP = Set.of("poolId", "region", "mfa", "deviceTracking", "clients", "users",
            "triggers", "triggerTimeout", "signInPolicy", "identityProviders", "identityPools", "resourceServers");
    private static final Set<String> IDENTITY_POOL = Set.of("identityPoolId", "identityPoolName",
            "allowUnauthenticatedIdentities", "cognitoIdentityProviders");
    private static final Set<String> CLIENT = Set.of("clientId", "clientSecret", "explicitAuthFlows",
            "sessionValidityMinutes", "sessionValiditySeconds", "enableTokenRevocation", "refreshTokenRotation", "refreshTokenGraceSeconds",
            "preventUserExistenceErrors", "accessTokenValidity", "idTokenValidity", "refreshTokenValidity",
            "tokenValidityUnits", "callbackURLs", "logoutURLs", "allowedOAuthFlows", "allowedOAuthScopes",
            "supportedIdentityProviders");
    private static final Set<String> UNIT_FIELDS = Set.of("accessToken", "idToken", "refreshToken");
    private static final Set<String> PROVIDER = Set.of("name", "type");
    private static final Set<String> OAUTH_FLOWS = Set.of("code", "client_credentials");
    private static final Set<String> RESOURCE_SERVER = Set.of("identifier", "name", "scopes");
    private static final Set<String> RESOURCE_SCOPE = Set.of("scopeName", "scopeDescription");
    private static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "phone", "profile",
            "aws.cognito.signin.user.admin");
    private static final Set<String> USER = Set.of("username", "password", "email", "phone_number", "status", "mfa",
            "attributes", "sub", "passkeys");
    private static final Set<String> MFA = Set.of("sms", "email", "totpSecret", "preferred");
    private static final Set<String> TRIGGERS = Set.of("define", "create", "verify", "preAuthentication",
            "postAuthentication", "preTokenGeneration", "preSignUp", "postConfirmation",
            "userMigration", "customMessage");
    /** Cognito's PreTokenGenerationConfig.LambdaVersion values, and the event version each sends. */
    private static final Map<String, Integer> PRE_TOKEN_VERSIONS = Map.of("V1_0", 1, "V2_0", 2, "V3_0", 3);
    private static final Set<String> PREFERRED = Set.of("SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA");
    private static final Map<String, ChronoUnit> VALIDITY_UNITS = Map.of("seconds", ChronoUnit.SECONDS,
            "minutes", ChronoUnit.MINUTES, "hours", ChronoUnit.HOURS, "days", ChronoUnit.DAYS);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?");

    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final String name;

    private PoolFile(Path file) {
        this.file = file;
        this.name = file.toString();
    }

    public static PoolDefinition load(Path file) throws PoolFileException {
        return new PoolFile(file).read();
    }

    private PoolDefinition read() throws PoolFileException {
        JsonNode root;
        try {
            root = json.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new PoolFileException(name + ": no such file");
        } catch (JsonProcessingException e) {
            throw new PoolFileException(name + ": not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new PoolFileException(name + ": cannot read: " + e.getMessage());
        }
        ObjectNode top = object(root, "(top level)");
        known(top, TOP, "");
        String poolId = text(top, "poolId", "poolId", true);
        if (!PoolId.isUserPool(poolId)) {
            throw fail("poolId", "must look like <region>_<letters and digits>, e.g. us-east-1_LocalPool");
        }
        String region = top.has("region") ? text(top, "region", "region", true) : PoolId.regionOfUserPool(poolId);
        MfaMode mfa = choice(top, "mfa", "mfa", MfaMode.class, MfaMode.OPTIONAL);
        List<ClientDefinition> clients = clients(top);
        SignInPolicy signInPolicy = signInPolicy(top);
        List<UserDefinition> users = users(top, signInPolicy);
        return new PoolDefinition(poolId, region, mfa, clients, users, triggers(top), deviceTracking(top),
                signInPolicy, managedLogin(top), identityPools(top, IdentityPoolDefinition.Provider.nameOf(region, poolId),
                clients));
    }

    /**
     * {@code "identityPools": [{"identityPoolId", "identityPoolName", "allowUnauthenticatedIdentities",
     * "cognitoIdentityProviders": [{"clientId"}]}]}: identity pools that take this pool's ID tokens
     * (for the listed app clients; all of them when none are listed).
     */
    private List<IdentityPoolDefinition> identityPools(ObjectNode top, String providerName,
                                                       List<ClientDefinition> clients) throws PoolFileException {
        JsonNode list = top.get("identityPools");
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw fail("identityPools", "must be an array of identity pools");
        }
        List<IdentityPoolDefinition> pools = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "identityPools[" + i + "]";
            ObjectNode node = object(list.get(i), at);
            known(node, IDENTITY_POOL, at + ".");
            String id = text(node, "identityPoolId", at + ".identityPoolId", true);
            // The pool hands the id out as Cognito makes them: a whole lower-case uuid after the region.
            if (!PoolId.isIdentityPool(id) || !id.substring(id.indexOf(':') + 1)
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                throw fail(at + ".identityPoolId", "must look like <region>:<lower-case uuid>, e.g."
                        + " us-east-1:0a1b2c3d-1111-2222-3333-444455556666");
            }
            if (!ids.add(id)) {
                throw fail(at + ".identityPoolId", "duplicate identity pool id " + id);
            }
            String name = node.has("identityPoolName") ? text(node, "identityPoolName", at + ".identityPoolName", true)
                    : "LocalIdentityPool" + i;
            if (!IdentityPoolDefinition.NAME.matcher(name).matches()) {
                throw fail(at + ".identityPoolName", "must be 1-128 letters, digits, '_' or spaces, as in Cognito");
            }
            List<IdentityPoolDefinition.Provider> providers = new ArrayList<>();
            JsonNode array = node.get("cognitoIdentityProviders");
            if (array == null) {
                clients.forEach(client -> providers.add(new IdentityPoolDefinition.Provider(providerName, client.clientId())));
            } else if (!array.isArray()) {
                throw fail(at + ".cognitoIdentityProviders", "must be an array of {\"clientId\"}");
            }
            for (int j = 0; array != null && j < array.size(); j++) {
                String here = at + ".cognitoIdentityProviders[" + j + "]";
                ObjectNode provider = object(array.get(j), here);
                known(provider, Set.of("clientId"), here + ".");
                String clientId = text(provider, "clientId", here + ".clientId", true);
                if (clients.stream().noneMatch(client -> client.clientId().equals(clientId))) {
                    throw fail(here + ".clientId", "no app client " + clientId + " in this pool");
                }
                providers.add(new IdentityPoolDefinition.Provider(providerName, clientId));
            }
            pools.add(new IdentityPoolDefinition(id, name, bool(node, "allowUnauthenticatedIdentities", at, false),
                    providers));
        }
        return pools;
    }

    /** {@code "signInPolicy": {"allowedFirstAuthFactors": [...]}}, as Cognito's SignInPolicy. */
    private SignInPolicy signInPolicy(ObjectNode top) throws PoolFileException {
        if (!top.has("signInPolicy")) {
            return SignInPolicy.PASSWORD_ONLY;
        }
        ObjectNode node = object(top.get("signInPolicy"), "signInPolicy");
        known(node, Set.of("allowedFirstAuthFactors"), "signInPolicy.");
        String at = "signInPolicy.allowedFirstAuthFactors";
        List<String> factors = strings(node.get("allowedFirstAuthFactors"), at);
        for (String factor : factors) {
            if (!SignInPolicy.FACTORS.contains(factor)) {
                throw fail(at, "unknown factor " + factor + " (known: " + SignInPolicy.FACTORS + ")");
            }
        }
        if (factors.isEmpty() || factors.size() != new HashSet<>(factors).size()) {
            throw fail(at, "must list each allowed factor once, at least one");
        }
        return new SignInPolicy(factors);
    }

    /** The clients' OAuth fields and the pretend identity providers they may name. */
    private ManagedLoginDefinition managedLogin(ObjectNode top) throws PoolFileException {
        List<ManagedLoginDefinition.IdentityProvider> providers = new ArrayList<>();
        JsonNode list = top.get("identityProviders");
        if (list != null && !list.isArray()) {
            throw fail("identityProviders", "must be an array of {\"name\", \"type\"}");
        }
        for (int i = 0; list != null && i < list.size(); i++) {
            String at = "identityProviders[" + i + "]";
            ObjectNode node = object(list.get(i), at);
            known(node, PROVIDER, at + ".");
            String name = text(node, "name", at + ".name", true);
            if (name.equals(ManagedLoginDefinition.COGNITO) || !name.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,31}")) {
                throw fail(at + ".name", "must be 1-32 letters, digits, space, '.', '_' or '-', and not COGNITO");
            }
            String type = node.has("type") ? text(node, "type", at + ".type", true) : "OIDC";
            providers.add(new ManagedLoginDefinition.IdentityProvider(name, type));
        }
        Set<String> customScopes = customScopes(top);
        Map<String, ManagedLoginDefinition.OAuthClient> clients = new LinkedHashMap<>();
        JsonNode array = top.get("clients");
        for (int i = 0; i < array.size(); i++) {
            String at = "clients[" + i + "]";
            ObjectNode node = (ObjectNode) array.get(i);
            if (!node.has("callbackURLs") && !node.has("allowedOAuthFlows")) {
                continue;
            }
            List<String> flows = strings(node, "allowedOAuthFlows", at, List.of("code"));
            for (String flow : flows) {
                if (!OAUTH_FLOWS.contains(flow)) {
                    throw fail(at + ".allowedOAuthFlows", "the local pool's managed login does the code and"
                            + " client_credentials flows, not " + flow);
                }
            }
            List<String> callbacks = strings(node, "callbackURLs", at, List.of());
            List<String> scopes;
            if (flows.contains("client_credentials")) {
                // As Cognito's CreateUserPoolClient: a confidential client, alone in its flow, with custom scopes only.
                if (flows.contains("code")) {
                    throw fail(at + ".allowedOAuthFlows", "client_credentials cannot be combined with code");
                }
                if (!node.hasNonNull("clientSecret")) {
                    throw fail(at + ".clientSecret", "the client_credentials flow needs a client with a secret");
                }
                scopes = strings(node, "allowedOAuthScopes", at, List.of());
                for (String scope : scopes) {
                    if (!customScopes.contains(scope)) {
                        throw fail(at + ".allowedOAuthScopes", scope + " is not a custom scope of a resource server"
                                + " (define it in resourceServers: identifier/scopeName)");
                    }
                }
            } else {
                if (callbacks.isEmpty()) {
                    throw fail(at + ".callbackURLs", "must list at least one URL for the code flow");
                }
                scopes = strings(node, "allowedOAuthScopes", at, DEFAULT_SCOPES);
            }
            List<String> supported = strings(node, "supportedIdentityProviders", at, List.of(ManagedLoginDefinition.COGNITO));
            for (String provider : supported) {
                if (!provider.equals(ManagedLoginDefinition.COGNITO)
                        && providers.stream().noneMatch(p -> p.name().equals(provider))) {
                    throw fail(at + ".supportedIdentityProviders", "no identity provider named " + provider
                            + " (define it in identityProviders)");
                }
            }
            clients.put(node.get("clientId").asText(), new ManagedLoginDefinition.OAuthClient(callbacks,
                    strings(node, "logoutURLs", at, List.of()), Set.copyOf(flows), scopes, supported));
        }
        return new ManagedLoginDefinition(clients, providers);
    }

    /**
     * {@code "resourceServers": [{"identifier", "name", "scopes": [{"scopeName", "scopeDescription"}]}]},
     * as Cognito's ResourceServers: the custom scopes they define, each {@code identifier/scopeName}.
     */
    private Set<String> customScopes(ObjectNode top) throws PoolFileException {
        Set<String> scopes = new HashSet<>();
        JsonNode list = top.get("resourceServers");
        if (list != null && !list.isArray()) {
            throw fail("resourceServers", "must be an array of {\"identifier\", \"scopes\"}");
        }
        for (int i = 0; list != null && i < list.size(); i++) {
            String at = "resourceServers[" + i + "]";
            ObjectNode node = object(list.get(i), at);
            known(node, RESOURCE_SERVER, at + ".");
            String identifier = text(node, "identifier", at + ".identifier", true);
            if (identifier.length() > 256 || identifier.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                throw fail(at + ".identifier", "must be 1-256 characters without spaces or control characters");
            }
            JsonNode entries = node.get("scopes");
            if (entries != null && !entries.isArray()) {
                throw fail(at + ".scopes", "must be an array of {\"scopeName\", \"scopeDescription\"}");
            }
            for (int j = 0; entries != null && j < entries.size(); j++) {
                String scopeAt = at + ".scopes[" + j + "]";
                ObjectNode scope = object(entries.get(j), scopeAt);
                known(scope, RESOURCE_SCOPE, scopeAt + ".");
                String name = text(scope, "scopeName", scopeAt + ".scopeName", true);
                if (!name.matches("[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]{1,256}")) {
                    throw fail(scopeAt + ".scopeName", "must be 1-256 printable characters, no space, quote, '/' or"
                            + " backslash");
                }
                scopes.add(identifier + "/" + name);
            }
        }
        return scopes;
    }

    private List<String> strings(ObjectNode node, String field, String at, List<String> fallback) throws PoolFileException {
        JsonNode list = node.get(field);
        return list == null ? fallback : strings(list, at + "." + field);
    }

    private List<String> strings(JsonNode array, String at) throws PoolFileException {
        if (array == null || !array.isArray()) {
            throw fail(at, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (!value.isTextual() || value.textValue().isEmpty()) {
                throw fail(at, "must be an array of non-empty strings");
            }
            values.add(value.textValue());
        }
        return values;
    }

    private DeviceTracking deviceTracking(ObjectNode top) throws PoolFileException {
        String value = text(top, "deviceTracking", "deviceTracking", false);
        if (value == null) {
            return DeviceTracking.OFF;
        }
        for (DeviceTracking tracking : DeviceTracking.values()) {
            if (tracking.fileName().equalsIgnoreCase(value)) {
                return tracking;
            }
        }
        throw fail("deviceTracking", "must be one of " + Arrays.stream(DeviceTracking.values())
                .map(DeviceTracking::fileName).toList());
    }

    private List<ClientDefinition> clients(ObjectNode top) throws PoolFileException {
        JsonNode array = top.get("clients");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw fail("clients", "must be a non-empty array of app clients");
        }
        List<ClientDefinition> clients = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "clients[" + i + "]";
            ObjectNode node = object(array.get(i), at);
            known(node, CLIENT, at + ".");
            String clientId = text(node, "clientId", at + ".clientId", true);
            if (!ids.add(clientId)) {
                throw fail(at + ".clientId", "duplicate client id " + clientId);
            }
            Set<String> flows = ClientDefinition.ALL_FLOWS;
            if (node.has("explicitAuthFlows")) {
                flows = new HashSet<>();
                JsonNode list = node.get("explicitAuthFlows");
                if (!list.isArray()) {
                    throw fail(at + ".explicitAuthFlows", "must be an array such as [\"ALLOW_CUSTOM_AUTH\"]");
                }
                for (JsonNode flow : list) {
                    String allow = flow.asText().startsWith("ALLOW_") ? flow.asText() : "ALLOW_" + flow.asText();
                    if (!ClientDefinition.ALL_FLOWS.contains(allow)) {
                        throw fail(at + ".explicitAuthFlows", "unknown flow " + flow + " (known: "
                                + ClientDefinition.ALL_FLOWS + ")");
                    }
                    flows.add(allow);
                }
            }
            Duration sessionValidity = sessionValidity(node, at);
            long grace = number(node, "refreshTokenGraceSeconds", at, 0);
            if (grace < 0 || grace > 60) {
                throw fail(at + ".refreshTokenGraceSeconds", "must be 0 to 60, as in Cognito");
            }
            clients.add(new ClientDefinition(clientId, text(node, "clientSecret", at + ".clientSecret", false), flows,
                    sessionValidity, bool(node, "enableTokenRevocation", at, true),
                    bool(node, "refreshTokenRotation", at, false), Duration.ofSeconds(grace),
                    preventUserExistenceErrors(node, at), tokenValidity(node, at)));
        }
        return clients;
    }

    /** Cognito's PreventUserExistenceErrors: {@code ENABLED} or {@code LEGACY}, the API's default. */
    private boolean preventUserExistenceErrors(ObjectNode client, String at) throws PoolFileException {
        String value = text(client, "preventUserExistenceErrors", at + ".preventUserExistenceErrors", false);
        if (value == null || value.equals("LEGACY")) {
            return false;
        }
        if (value.equals("ENABLED")) {
            return true;
        }
        throw fail(at + ".preventUserExistenceErrors", "must be ENABLED or LEGACY, as in Cognito");
    }

    /**
     * Cognito's AccessTokenValidity, IdTokenValidity and RefreshTokenValidity in TokenValidityUnits
     * (default hours, hours, days), with Cognito's maximums. Below Cognito's minimums (5 minutes, 60
     * minutes) down to 1 second is a local-pool extension, for tests of short-lived tokens.
     */
    private TokenValidity tokenValidity(ObjectNode client, String at) throws PoolFileException {
        ObjectNode units = client.has("tokenValidityUnits")
                ? object(client.get("tokenValidityUnits"), at + ".tokenValidityUnits") : json.createObjectNode();
        known(units, UNIT_FIELDS, at + ".tokenValidityUnits.");
        TokenValidity defaults = TokenValidity.COGNITO_DEFAULTS;
        return new TokenValidity(
                validity(client, units, "accessToken", at, defaults.access(), Duration.ofDays(1)),
                validity(client, units, "idToken", at, defaults.id(), Duration.ofDays(1)),
                validity(client, units, "refreshToken", at, defaults.refresh(), Duration.ofDays(3650)));
    }

    private Duration validity(ObjectNode client, ObjectNode units, String token, String at, Duration fallback,
                              Duration max) throws PoolFileException {
        String field = token + "Validity";
        String unitName = text(units, token, at + ".tokenValidityUnits." + token, false);
        ChronoUnit unit = unitName == null ? (token.equals("refreshToken") ? ChronoUnit.DAYS : ChronoUnit.HOURS)
                : VALIDITY_UNITS.get(unitName);
        if (unit == null) {
            throw fail(at + ".tokenValidityUnits." + token, "must be one of " + VALIDITY_UNITS.keySet());
        }
        if (!client.has(field)) {
            return fallback;
        }
        long amount = number(client, field, at, 0);
        if (amount < 1 || amount > max.getSeconds() / unit.getDuration().getSeconds()) {
            throw fail(at + "." + field, "must be 1 second to " + max.toDays() + " days");
        }
        return unit.getDuration().multipliedBy(amount);
    }

    /**
     * Cognito's 3 to 15 minutes, or, for tests of expired sessions that should not wait
     * minutes, {@code sessionValiditySeconds} (a local-pool extension).
     */
    private Duration sessionValidity(ObjectNode client, String at) throws PoolFileException {
        if (client.has("sessionValiditySeconds")) {
            if (client.has("sessionValidityMinutes")) {
                throw fail(at + ".sessionValiditySeconds", "give sessionValidityMinutes or sessionValiditySeconds, not both");
            }
            long seconds = number(client, "sessionValiditySeconds", at, 180);
            if (seconds < 1 || seconds > 900) {
                throw fail(at + ".sessionValiditySeconds", "must be 1 to 900");
            }
            return Duration.ofSeconds(seconds);
        }
        long minutes = number(client, "sessionValidityMinutes", at, 3);
        if (minutes < 3 || minutes > 15) {
            throw fail(at + ".sessionValidityMinutes", "must be 3 to 15, as in Cognito");
        }
        return Duration.ofMinutes(minutes);
    }

    private List<UserDefinition> users(ObjectNode top, SignInPolicy policy) throws PoolFileException {
        // Cognito creates users without a password only when a passwordless first factor is allowed.
        boolean passwordless = policy.allowedFirstAuthFactors().stream().anyMatch(factor -> !factor.equals("PASSWORD"));
        JsonNode array = top.get("users");
        if (array == null || !array.isArray()) {
            throw fail("users", "must be an array of users");
        }
        List<UserDefinition> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> aliases = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "users[" + i + "]";
            ObjectNode node = object(array.get(i), at);
            known(node, USER, at + ".");
            String username = text(node, "username", at + ".username", true);
            if (!names.add(username)) {
                throw fail(at + ".username", "duplicate username " + username);
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            if (node.has("attributes")) {
                ObjectNode extra = object(node.get("attributes"), at + ".attributes");
                for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                        throw fail(at + ".attributes." + entry.getKey(), "must be a string");
                    }
                    attributes.put(entry.getKey(), entry.getValue().asText());
                }
            }
            for (String alias : List.of("email", "phone_number", "sub")) {
                String value = text(node, alias, at + "." + alias, false);
                if (value != null) {
                    attributes.put(alias, value);
                }
            }
            for (String alias : List.of("email", "phone_number")) {
                String value = attributes.get(alias);
                if (value != null && !aliases.add(value)) {
                    throw fail(at + "." + alias, "another user already signs in with " + value);
                }
            }
            UserStatus status = choice(node, "status", at + ".status", UserStatus.class, UserStatus.CONFIRMED);
            List<String> passkeys = node.has("passkeys") ? strings(node.get("passkeys"), at + ".passkeys") : List.of();
            for (String passkey : passkeys) {
                if (!passkey.matches("[A-Za-z0-9_-]+")) {
                    throw fail(at + ".passkeys", "a credential id must be base64url, e.g. \"AQIDBAUGBwg\"");
                }
            }
            String password = text(node, "password", at + ".password", !passwordless);
            users.add(new UserDefinition(username, password, status,
                    mfa(node, at), attributes, passkeys));
        }
        return users;
    }

    private MfaSettings mfa(ObjectNode user, String at) throws PoolFileException {
        if (!user.has("mfa")) {
            return MfaSettings.NONE;
        }
        String here = at + ".mfa";
        ObjectNode node = object(user.get("mfa"), here);
        known(node, MFA, here + ".");
        String secret = text(node, "totpSecret", here + ".totpSecret", false);
        if (secret != null && !secret.replace(" ", "").toUpperCase(Locale.ROOT).matches("[A-Z2-7]{16,}=*")) {
            throw fail(here + ".totpSecret", "must be a base32 secret of at least 16 characters");
        }
        String preferred = text(node, "preferred", here + ".preferred", false);
        if (preferred != null && !PREFERRED.contains(preferred)) {
            throw fail(here + ".preferred", "must be one of " + PREFERRED);
        }
        return new MfaSettings(bool(node, "sms", here, false), bool(node, "email", here, false),
                secret == null ? null : secret.replace(" ", "").toUpperCase(Locale.ROOT), preferred);
    }

    private TriggerDefinitions triggers(ObjectNode top) throws PoolFileException {
        Duration timeout = TriggerDefinitions.DEFAULT_TIMEOUT;
        if (top.has("triggerTimeout")) {
            JsonNode value = top.get("triggerTimeout");
            Matcher m = DURATION.matcher(value.asText().trim());
            if (!value.isValueNode() || !m.matches()) {
                throw fail("triggerTimeout", "must be seconds, e.g. 5, \"5s\" or \"500ms\"");
            }
            double amount = Double.parseDouble(m.group(1));
            timeout = Duration.ofMillis(Math.round("ms".equals(m.group(2)) ? amount : amount * 1000));
            if (timeout.isZero() || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
                throw fail("triggerTimeout", "must be more than 0 and at most 15 minutes");
            }
        }
        if (!top.has("triggers")) {
            return new TriggerDefinitions(null, null, null, timeout);
        }
        ObjectNode node = object(top.get("triggers"), "triggers");
        known(node, TRIGGERS, "triggers.");
        TriggerDefinitions triggers = new TriggerDefinitions(trigger(node, "define"), trigger(node, "create"),
                trigger(node, "verify"), timeout);
        boolean any = triggers.define() != null || triggers.create() != null || triggers.verify() != null;
        if (any && !triggers.complete()) {
            throw fail("triggers", "define, create and verify must all be given (custom auth needs the three)");
        }
        int version = 1;
        if (node.has("preTokenGeneration")) {
            ObjectNode preToken = object(node.get("preTokenGeneration"), "triggers.preTokenGeneration");
            String lambdaVersion = text(preToken, "lambdaVersion", "triggers.preTokenGeneration.lambdaVersion", false);
            if (lambdaVersion != null) {
                if (!PRE_TOKEN_VERSIONS.containsKey(lambdaVersion)) {
                    throw fail("triggers.preTokenGeneration.lambdaVersion", "must be V1_0, V2_0 or V3_0, as Cognito's"
                            + " PreTokenGenerationConfig");
                }
                version = PRE_TOKEN_VERSIONS.get(lambdaVersion);
            }
        }
        return triggers.withSignIn(signInTrigger(node, "preAuthentication"), signInTrigger(node, "postAuthentication"),
                signInTrigger(node, "preTokenGeneration"), version)
                .withSignUp(signInTrigger(node, "preSignUp"), signInTrigger(node, "postConfirmation"),
                        signInTrigger(node, "userMigration"))
                .withCustomMessage(signInTrigger(node, "customMessage"));
    }

    /** A sign-in or sign-up path trigger: a Node.js handler or a Lambda function; the built-ins are custom-auth triggers only. */
    private TriggerDefinition signInTrigger(ObjectNode triggers, String slot) throws PoolFileException {
        if (!triggers.has(slot)) {
            return null;
        }
        ObjectNode node = object(triggers.get(slot), "triggers." + slot).deepCopy();
        if (node.has("builtin")) {
            throw fail("triggers." + slot, "the built-in triggers are custom-auth triggers (define, create, verify);"
                    + " give a \"node\" handler or a \"lambda\" function");
        }
        if (slot.equals("preTokenGeneration")) {
            node.remove("lambdaVersion"); // read by triggers()
        }
        ObjectNode copy = (ObjectNode) triggers.deepCopy().set(slot, node);
        return trigger(copy, slot);
    }

    private TriggerDefinition trigger(ObjectNode triggers, String slot) throws PoolFileException {
        if (!triggers.has(slot)) {
            return null;
        }
        String at = "triggers." + slot;
        ObjectNode node = object(triggers.get(slot), at);
        if (node.has("builtin")) {
            String builtin = text(node, "builtin", at + ".builtin", true);
            ObjectNode options = node.deepCopy();
            options.remove("builtin");
            try {
                BuiltinTriggers.create(builtin, options, line -> { });
            } catch (IllegalArgumentException e) {
                throw fail(at, e.getMessage());
            }
            return new TriggerDefinition.Builtin(builtin, options);
        }
        if (node.has("node")) {
            known(node, Set.of("node", "handler"), at + ".");
            Path handlerFile = resolve(text(node, "node", at + ".node", true));
            if (!Files.isRegularFile(handlerFile)) {
                throw fail(at + ".node", "no such file " + handlerFile);
            }
            String export = node.has("handler") ? text(node, "handler", at + ".handler", true) : "handler";
            return new TriggerDefinition.Node(handlerFile, export);
        }
        if (node.has("lambda")) {
            known(node, Set.of("lambda", "function"), at + ".");
            String endpoint = text(node, "lambda", at + ".lambda", true);
            URI uri;
            try {
                uri = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                throw fail(at + ".lambda", "not a URL: " + endpoint);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw fail(at + ".lambda", "must be an http:// URL such as http://127.0.0.1:3001");
            }
            return new TriggerDefinition.Lambda(uri, text(node, "function", at + ".function", true));
        }
        throw fail(at, "must have \"builtin\", \"node\" or \"lambda\"");
    }

    private Path resolve(String path) {
        Path dir = file.toAbsolutePath().getParent();
        return dir.resolve(path).normalize();
    }

    private ObjectNode object(JsonNode node, String at) throws PoolFileException {
        if (!(node instanceof ObjectNode object)) {
            throw fail(at, "must be a JSON object");
        }
        return object;
    }

    private void known(ObjectNode node, Set<String> fields, String prefix) throws PoolFileException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!fields.contains(field)) {
                throw fail(prefix + field, "unknown field (known: " + String.join(", ", fields.stream().sorted().toList()) + ")");
            }
        }
    }

    private String text(ObjectNode node, String field, String at, boolean required) throws PoolFileException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw fail(at, "is required");
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw fail(at, "must be a non-empty string");
        }
        return value.textValue();
    }

    private boolean bool(ObjectNode node, String field, String at, boolean fallback) throws PoolFileException {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw fail(at + "." + field, "must be true or false");
        }
        return value.booleanValue();
    }

    private long number(ObjectNode node, String field, String at, long fallback) throws PoolFileException {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw fail(at + "." + field, "must be a whole number");
        }
        return value.longValue();
    }

    private <E extends Enum<E>> E choice(ObjectNode node, String field, String at, Class<E> type, E fallback)
            throws PoolFileException {
        String value = text(node, field, at, false);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(at, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private PoolFileException fail(String field, String why) {
        return new PoolFileException(name + ": " + field + ": " + why);
    }
}
