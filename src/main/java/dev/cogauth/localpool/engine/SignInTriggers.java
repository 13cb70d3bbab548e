package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.TokenClaimOverrides;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.localpool.trigger.TriggerException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The sign-in path's triggers, each optional: Pre Authentication (may deny a sign-in), Post
 * Authentication (may fail it after the password), Pre Token Generation (changes the tokens'
 * claims, version 1, 2 or 3). Events as Cognito sends them.
 */
final class SignInTriggers {

    /** Pre Token Generation's {@code triggerSource} suffixes: why the tokens are made. */
    enum TokenSource {
        AUTHENTICATION("TokenGeneration_Authentication"),
        NEW_PASSWORD_CHALLENGE("TokenGeneration_NewPasswordChallenge"),
        AUTHENTICATE_DEVICE("TokenGeneration_AuthenticateDevice"),
        REFRESH_TOKENS("TokenGeneration_RefreshTokens"),
        HOSTED_AUTH("TokenGeneration_HostedAuth");

        final String triggerSource;

        TokenSource(String triggerSource) {
            this.triggerSource = triggerSource;
        }
    }

    private final Trigger preAuthentication;
    private final Trigger postAuthentication;
    private final Trigger preTokenGeneration;
    private final int preTokenVersion;
    private final Trigger userMigration;
    private final TriggerInvoker invoker;
    private final PoolLog log;

    /** @param preTokenVersion the event version Pre Token Generation is sent: 1, 2 or 3 */
    SignInTriggers(Trigger preAuthentication, Trigger postAuthentication, Trigger preTokenGeneration,
                   int preTokenVersion, Trigger userMigration, TriggerInvoker invoker, PoolLog log) {
        this.userMigration = userMigration;
        this.preAuthentication = preAuthentication;
        this.postAuthentication = postAuthentication;
        this.preTokenGeneration = preTokenGeneration;
        this.preTokenVersion = preTokenVersion;
        this.invoker = invoker;
        this.log = log;
    }

    static SignInTriggers none(TriggerInvoker invoker, PoolLog log) {
        return new SignInTriggers(null, null, null, 1, null, invoker, log);
    }

    /** Before the password is checked; a trigger that throws denies the sign-in (UserLambdaValidationException). */
    void preAuthentication(PoolUser user, String clientId, Map<String, String> clientMetadata) {
        if (preAuthentication == null) {
            return;
        }
        ObjectNode request = invoker.request(user);
        request.set("validationData", invoker.metadata(clientMetadata));
        request.put("userNotFound", false);
        TriggerInvoker.Answer answer = invoker.run(preAuthentication, "PreAuthentication",
                "PreAuthentication_Authentication", "1", user, clientId, request, invoker.json().createObjectNode());
        log.step("  PreAuthentication (" + answer.millis() + " ms) → allowed");
    }

    /** Once the user has proven who they are, before the tokens; a trigger that throws fails the sign-in. */
    void postAuthentication(PoolUser user, String clientId, boolean newDeviceUsed) {
        if (postAuthentication == null) {
            return;
        }
        ObjectNode request = invoker.request(user);
        request.put("newDeviceUsed", newDeviceUsed);
        request.set("clientMetadata", invoker.metadata(Map.of()));
        TriggerInvoker.Answer answer = invoker.run(postAuthentication, "PostAuthentication",
                "PostAuthentication_Authentication", "1", user, clientId, request, invoker.json().createObjectNode());
        log.step("  PostAuthentication (" + answer.millis() + " ms)");
    }

    /** The trigger's changes to a user's tokens, none without the trigger. */
    TokenClaimOverrides preTokenGeneration(PoolUser user, String clientId, TokenSource source, List<String> scopes) {
        if (preTokenGeneration == null) {
            return TokenClaimOverrides.none();
        }
        ObjectNode request = invoker.request(user);
        ObjectNode groups = request.putObject("groupConfiguration");
        groups.putArray("groupsToOverride");
        groups.putArray("iamRolesToOverride");
        groups.putNull("preferredRole");
        if (preTokenVersion > 1) {
            scopes.forEach(request.putArray("scopes")::add);
        }
        request.set("clientMetadata", invoker.metadata(Map.of()));
        ObjectNode response = invoker.json().createObjectNode();
        response.putNull(preTokenVersion == 1 ? "claimsOverrideDetails" : "claimsAndScopeOverrideDetails");
        TriggerInvoker.Answer answer = invoker.run(preTokenGeneration, "PreTokenGeneration", source.triggerSource,
                Integer.toString(preTokenVersion), user, clientId, request, response);
        try {
            TokenClaimOverrides overrides = TokenClaimOverrides.read(answer.response(), preTokenVersion);
            log.step("  PreTokenGeneration V" + preTokenVersion + " (" + answer.millis() + " ms) " + source.triggerSource);
            return overrides;
        } catch (TriggerException malformed) {
            throw invoker.malformed("PreTokenGeneration", malformed.getMessage());
        }
    }

    /** A user User Migration brings in: their attributes and status. */
    record Migrated(Map<String, String> attributes, UserStatus status) {
    }

    /**
     * Asks User Migration about a user the pool does not have: signing in with USER_PASSWORD_AUTH
     * (Cognito runs it for no other sign-in flow, the password being needed), or asking for a
     * password reset ({@code password} null); empty without the trigger. A trigger that throws
     * fails the call ({@code UserMigration failed with error ...}).
     */
    Optional<Migrated> userMigration(String username, String password, String clientId,
                                     Map<String, String> clientMetadata) {
        if (userMigration == null) {
            return Optional.empty();
        }
        ObjectNode request = invoker.json().createObjectNode();
        if (password != null) {
            request.put("password", password);
        }
        request.set("validationData", invoker.metadata(clientMetadata));
        request.set("clientMetadata", invoker.metadata(Map.of()));
        ObjectNode response = invoker.json().createObjectNode();
        for (String field : List.of("userAttributes", "finalUserStatus", "messageAction", "desiredDeliveryMediums",
                "forceAliasCreation", "enableSMSMFA")) {
            response.putNull(field);
        }
        TriggerInvoker.Answer answer = invoker.run(userMigration, "UserMigration",
                password != null ? "UserMigration_Authentication" : "UserMigration_ForgotPassword", "1",
                username, clientId, request, response);
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode given = answer.response().path("userAttributes");
        if (given.isObject()) {
            for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) given::fields) {
                if (!entry.getValue().isTextual()) {
                    throw invoker.malformed("UserMigration", "userAttributes." + entry.getKey() + " is not a string");
                }
                attributes.put(entry.getKey(), entry.getValue().textValue());
            }
        } else if (!given.isMissingNode() && !given.isNull()) {
            throw invoker.malformed("UserMigration", "userAttributes is not an object");
        }
        attributes.remove("sub"); // the pool makes the user's sub, as Cognito does
        attributes.remove("username");
        JsonNode finalStatus = answer.response().path("finalUserStatus");
        // A user brought in to reset their password has none yet: RESET_REQUIRED until they set one.
        UserStatus status = password == null ? UserStatus.RESET_REQUIRED
                : switch (finalStatus.isTextual() ? finalStatus.textValue() : "CONFIRMED") {
            case "CONFIRMED" -> UserStatus.CONFIRMED;
            case "RESET_REQUIRED" -> UserStatus.RESET_REQUIRED;
            default -> throw invoker.malformed("UserMigration", "finalUserStatus must be CONFIRMED or RESET_REQUIRED");
        };
        log.step("  UserMigration (" + answer.millis() + " ms) → " + username + " " + status);
        return Optional.of(new Migrated(attributes, status));
    }

    /** Logs the claims a trigger may not change, which the pool left as they were. */
    void logIgnored(TokenClaimOverrides overrides) {
        if (!overrides.ignored().isEmpty()) {
            log.notice("trigger PreTokenGeneration tried to change " + overrides.ignored().stream().sorted().toList()
                    + ", which Cognito does not let a trigger change: left as they were");
        }
    }
}
