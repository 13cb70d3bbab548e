package dev.cogauth.localpool.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.localpool.trigger.TriggerException;
import dev.cogauth.protocol.PoolId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pre token generation trigger for a machine's access token, as Cognito sends it (event version 3,
 * {@code triggerSource} {@code TokenGeneration_ClientCredentials}, the scopes asked for and the
 * request's {@code aws_client_metadata}), and what its answer changes:
 * {@code claimsAndScopeOverrideDetails.accessTokenGeneration}'s {@code claimsToAddOrOverride},
 * {@code claimsToSuppress}, {@code scopesToAdd} and {@code scopesToSuppress}. Claims the token's
 * meaning rests on (issuer, subject, client, times, ids, scope) are left alone, as Cognito leaves them.
 */
final class MachineTokenTrigger {
    /** Claims no trigger may add, override or suppress. */
    static final Set<String> PROTECTED = Set.of("iss", "sub", "aud", "client_id", "token_use", "scope", "exp", "iat",
            "nbf", "jti", "auth_time", "version", "origin_jti", "event_id", "username", "cognito:username",
            "identities", "nonce", "acr", "amr", "azp");

    /** What the trigger decided: the scopes to grant and the claims to add or drop. */
    record Outcome(List<String> scopes, Map<String, JsonNode> claimsToAdd, Set<String> claimsToSuppress) {
        static Outcome unchanged(List<String> scopes) {
            return new Outcome(scopes, Map.of(), Set.of());
        }
    }

    private final Trigger trigger;
    private final String poolId;
    private final ObjectMapper json;

    /** @param trigger the pool's pre token generation trigger, or null for none */
    MachineTokenTrigger(Trigger trigger, String poolId, ObjectMapper json) {
        this.trigger = trigger;
        this.poolId = poolId;
        this.json = json;
    }

    Outcome run(String clientId, List<String> scopes, Map<String, String> clientMetadata) throws TriggerException {
        if (trigger == null) {
            return Outcome.unchanged(scopes);
        }
        return outcome(scopes, trigger.invoke(event(clientId, scopes, clientMetadata)));
    }

    ObjectNode event(String clientId, List<String> scopes, Map<String, String> clientMetadata) {
        ObjectNode event = json.createObjectNode().put("version", "3")
                .put("triggerSource", "TokenGeneration_ClientCredentials")
                .put("region", PoolId.regionOfUserPool(poolId)).put("userPoolId", poolId).putNull("userName");
        event.putObject("callerContext").put("awsSdkVersion", "aws-sdk-unknown-unknown").put("clientId", clientId);
        ObjectNode request = event.putObject("request");
        request.putObject("userAttributes");
        scopes.forEach(request.putArray("scopes")::add);
        request.putNull("groupConfiguration");
        ObjectNode metadata = request.putObject("clientMetadata");
        clientMetadata.forEach(metadata::put);
        event.putObject("response").putNull("claimsAndScopeOverrideDetails");
        return event;
    }

    /** The trigger's answer applied to the scopes asked for; a malformed answer is the trigger's failure. */
    static Outcome outcome(List<String> scopes, ObjectNode answer) throws TriggerException {
        JsonNode access = answer.path("response").path("claimsAndScopeOverrideDetails").path("accessTokenGeneration");
        if (access.isMissingNode() || access.isNull()) {
            return Outcome.unchanged(scopes);
        }
        if (!access.isObject()) {
            throw malformed("accessTokenGeneration must be an object");
        }
        Set<String> granted = new LinkedHashSet<>(scopes);
        granted.addAll(strings(access, "scopesToAdd"));
        strings(access, "scopesToSuppress").forEach(granted::remove);
        Map<String, JsonNode> add = new LinkedHashMap<>();
        JsonNode claims = access.path("claimsToAddOrOverride");
        if (!claims.isMissingNode() && !claims.isNull()) {
            if (!claims.isObject()) {
                throw malformed("claimsToAddOrOverride must be an object");
            }
            claims.fields().forEachRemaining(claim -> {
                if (!PROTECTED.contains(claim.getKey())) {
                    add.put(claim.getKey(), claim.getValue());
                }
            });
        }
        Set<String> suppress = new LinkedHashSet<>();
        for (String claim : strings(access, "claimsToSuppress")) {
            if (!PROTECTED.contains(claim)) {
                suppress.add(claim);
            }
        }
        return new Outcome(List.copyOf(granted), add, suppress);
    }

    private static List<String> strings(JsonNode node, String field) throws TriggerException {
        JsonNode list = node.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw malformed(field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : list) {
            if (!value.isTextual()) {
                throw malformed(field + " must be an array of strings");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static TriggerException malformed(String problem) {
        return new TriggerException(TriggerException.Kind.MALFORMED_RESPONSE, "PreTokenGeneration answered a malformed"
                + " response: " + problem);
    }
}
