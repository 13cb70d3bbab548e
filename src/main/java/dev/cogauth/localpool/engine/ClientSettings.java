package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.TokenValidity;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An app client as CreateUserPoolClient / UpdateUserPoolClient describe it: the
 * {@link ClientDefinition} the pool signs in with, and the {@code UserPoolClient} view
 * DescribeUserPoolClient answers (OAuth settings are kept and shown, the managed login serving
 * only the pool file's clients).
 */
final class ClientSettings {

    /** Cognito's default for a client created without ExplicitAuthFlows. */
    static final List<String> DEFAULT_FLOWS = List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");
    private static final Set<String> KNOWN_FLOWS = Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH",
            "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH",
            "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH");
    private static final Map<String, String> LEGACY_FLOWS = Map.of("ADMIN_NO_SRP_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH",
            "CUSTOM_AUTH_FLOW_ONLY", "ALLOW_CUSTOM_AUTH", "USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH");
    /** Members the view shows as given (besides those worked out here). */
    private static final List<String> SHOWN = List.of("ClientName", "ReadAttributes", "WriteAttributes",
            "AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs", "LogoutURLs", "DefaultRedirectURI",
            "SupportedIdentityProviders", "AllowedOAuthFlowsUserPoolClient", "AnalyticsConfiguration",
            "AuthSessionValidity", "AccessTokenValidity", "IdTokenValidity", "RefreshTokenValidity", "TokenValidityUnits");

    private ClientSettings() {
    }

    /** The definition and view for a request; {@code secret} null for a public client. */
    static ClientDefinition define(JsonRequest request, String clientId, String secret) {
        List<String> flows = request.strings("ExplicitAuthFlows");
        Set<String> allowed = new LinkedHashSet<>();
        for (String flow : flows == null ? DEFAULT_FLOWS : flows) {
            if (!KNOWN_FLOWS.contains(flow)) {
                throw CognitoError.invalidParameter("1 validation error detected: Value '[" + flow + "]' at"
                        + " 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy enum value set: " + KNOWN_FLOWS);
            }
            allowed.add(LEGACY_FLOWS.getOrDefault(flow, flow));
            if (flow.equals("ADMIN_NO_SRP_AUTH") || flow.equals("USER_PASSWORD_AUTH") || flow.equals("CUSTOM_AUTH_FLOW_ONLY")) {
                allowed.add("ALLOW_REFRESH_TOKEN_AUTH"); // the legacy names imply refresh, as in Cognito
            }
        }
        ObjectNode units = request.body().path("TokenValidityUnits") instanceof ObjectNode given ? given : null;
        TokenValidity validity = new TokenValidity(
                duration(request.integer("AccessTokenValidity", 60), unit(units, "AccessToken", ChronoUnit.MINUTES)),
                duration(request.integer("IdTokenValidity", 60), unit(units, "IdToken", ChronoUnit.MINUTES)),
                duration(request.integer("RefreshTokenValidity", 30), unit(units, "RefreshToken", ChronoUnit.DAYS)));
        Duration session = Duration.ofMinutes(request.integer("AuthSessionValidity", 3));
        return new ClientDefinition(clientId, secret, allowed, session, request.bool("EnableTokenRevocation", true),
                false, Duration.ZERO, "ENABLED".equals(request.optional("PreventUserExistenceErrors")), validity);
    }

    private static ChronoUnit unit(ObjectNode units, String token, ChronoUnit otherwise) {
        String unit = units == null ? null : units.path(token).asText(null);
        if (unit == null) {
            return otherwise;
        }
        return switch (unit) {
            case "seconds" -> ChronoUnit.SECONDS;
            case "minutes" -> ChronoUnit.MINUTES;
            case "hours" -> ChronoUnit.HOURS;
            case "days" -> ChronoUnit.DAYS;
            default -> throw CognitoError.invalidParameter("TokenValidityUnits must be seconds, minutes, hours or days.");
        };
    }

    private static Duration duration(int amount, ChronoUnit unit) {
        if (amount < 1) {
            throw CognitoError.invalidParameter("Token validity must be positive.");
        }
        return Duration.of(amount, unit);
    }

    /** DescribeUserPoolClient's {@code UserPoolClient}. */
    static ObjectNode view(RunningPool pool, ClientDefinition client, JsonRequest request, double created) {
        ObjectNode view = pool.services().json().createObjectNode();
        for (String member : SHOWN) {
            if (request.body().has(member)) {
                view.set(member, request.body().get(member));
            }
        }
        view.put("UserPoolId", pool.poolId()).put("ClientId", client.clientId());
        if (client.hasSecret()) {
            view.put("ClientSecret", client.clientSecret());
        }
        view.put("CreationDate", created).put("LastModifiedDate", UserViews.epochSeconds(pool.services().clock().instant()));
        ArrayNode flows = view.putArray("ExplicitAuthFlows");
        new ArrayList<>(client.explicitAuthFlows()).stream().sorted().forEach(flows::add);
        view.put("EnableTokenRevocation", client.enableTokenRevocation());
        view.put("PreventUserExistenceErrors", client.preventUserExistenceErrors() ? "ENABLED" : "LEGACY");
        view.put("AuthSessionValidity", client.sessionValidity().toMinutes());
        return view;
    }

    /** The view of a client the pool file defined. */
    static ObjectNode fileView(RunningPool pool, ClientDefinition client) {
        ObjectNode view = pool.services().json().createObjectNode()
                .put("UserPoolId", pool.poolId()).put("ClientId", client.clientId()).put("ClientName", client.clientId());
        if (client.hasSecret()) {
            view.put("ClientSecret", client.clientSecret());
        }
        double created = UserViews.epochSeconds(pool.created());
        view.put("CreationDate", created).put("LastModifiedDate", created);
        ArrayNode flows = view.putArray("ExplicitAuthFlows");
        new ArrayList<>(client.explicitAuthFlows()).stream().sorted().forEach(flows::add);
        view.put("EnableTokenRevocation", client.enableTokenRevocation());
        view.put("PreventUserExistenceErrors", client.preventUserExistenceErrors() ? "ENABLED" : "LEGACY");
        return view;
    }
}
