package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.localpool.engine.TriggerInvoker.Answer;
import dev.cogauth.protocol.ChallengeName;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the Define, Create and Verify Auth Challenge triggers as Cognito does: builds each event,
 * checks the answer's shape, and turns a failure into the error Cognito gives the client.
 */
final class CustomAuthTriggers {

    /** What a Define trigger may ask for next (MFA challenges from Define are not supported here). */
    private static final Set<String> DEFINE_CHALLENGES =
            Set.of(ChallengeName.CUSTOM_CHALLENGE, ChallengeName.PASSWORD_VERIFIER);
    private final Trigger define;
    private final Trigger create;
    private final Trigger verify;
    private final TriggerInvoker invoker;
    private final ObjectMapper json;
    private final PoolLog log;

    CustomAuthTriggers(Trigger define, Trigger create, Trigger verify, TriggerInvoker invoker, PoolLog log) {
        this.define = define;
        this.create = create;
        this.verify = verify;
        this.invoker = invoker;
        this.json = invoker.json();
        this.log = log;
    }

    boolean configured() {
        return define != null && create != null && verify != null;
    }

    Decision define(PoolUser user, String clientId, ArrayNode session, Map<String, String> clientMetadata) {
        ObjectNode request = request(user, clientMetadata);
        request.set("session", session.deepCopy());
        Answer answer = run(define, "DefineAuthChallenge", user, clientId, request);
        ObjectNode response = answer.response();
        JsonNode challenge = response.get("challengeName");
        Decision decision = new Decision(flag(response, "issueTokens", "DefineAuthChallenge"),
                flag(response, "failAuthentication", "DefineAuthChallenge"),
                challenge == null || challenge.isNull() ? null : challenge.asText());
        if (!decision.issueTokens() && !decision.failAuthentication()) {
            if (decision.challengeName() == null) {
                throw malformed("DefineAuthChallenge", "neither challengeName, issueTokens nor failAuthentication");
            }
            if (!DEFINE_CHALLENGES.contains(decision.challengeName())) {
                throw malformed("DefineAuthChallenge", "challengeName " + challenge
                        + " is none the pool can ask: " + String.join(" or ", DEFINE_CHALLENGES.stream().sorted().toList()));
            }
        }
        log.step("  Define (" + answer.millis() + " ms) → " + (decision.issueTokens() ? "issueTokens"
                : decision.failAuthentication() ? "failAuthentication" : decision.challengeName()));
        return decision;
    }

    Challenge create(PoolUser user, String clientId, String challengeName, ArrayNode session,
                     Map<String, String> clientMetadata) {
        ObjectNode request = request(user, clientMetadata);
        request.put("challengeName", challengeName);
        request.set("session", session.deepCopy());
        Answer answer = run(create, "CreateAuthChallenge", user, clientId, request);
        ObjectNode response = answer.response();
        Challenge challenge = new Challenge(strings(response, "publicChallengeParameters"),
                strings(response, "privateChallengeParameters"), metadata(response));
        log.step("  Create (" + answer.millis() + " ms) → public " + challenge.publicParameters().keySet() + ", private "
                + challenge.privateParameters().keySet() + ", metadata " + challenge.metadata());
        return challenge;
    }

    boolean verify(PoolUser user, String clientId, Map<String, String> privateParameters, String answer,
                   Map<String, String> clientMetadata) {
        ObjectNode request = request(user, clientMetadata);
        request.set("privateChallengeParameters", json.valueToTree(privateParameters));
        request.put("challengeAnswer", answer);
        Answer result = run(verify, "VerifyAuthChallengeResponse", user, clientId, request);
        JsonNode correct = result.response().get("answerCorrect");
        if (correct == null || !correct.isBoolean()) {
            throw malformed("VerifyAuthChallengeResponse", "answerCorrect is not a boolean");
        }
        log.step("  Verify (" + result.millis() + " ms) → answerCorrect " + correct.booleanValue());
        return correct.booleanValue();
    }

    private ObjectNode request(PoolUser user, Map<String, String> clientMetadata) {
        ObjectNode request = invoker.request(user);
        request.set("clientMetadata", invoker.metadata(clientMetadata));
        request.put("userNotFound", false);
        return request;
    }

    private Answer run(Trigger trigger, String name, PoolUser user, String clientId, ObjectNode request) {
        return invoker.run(trigger, name, name + "_Authentication", "1", user, clientId, request,
                json.createObjectNode());
    }

    private boolean flag(ObjectNode response, String field, String name) {
        JsonNode value = response.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw malformed(name, field + " is not a boolean");
        }
        return value.booleanValue();
    }

    private Map<String, String> strings(ObjectNode response, String field) {
        JsonNode node = response.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw malformed("CreateAuthChallenge", field + " is not an object");
        }
        // Numbers and booleans become their text, as Cognito takes them (Amplify CLI's own Create
        // template answers {trigger: true}); null, objects and arrays are no parameter values.
        node.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
                throw malformed("CreateAuthChallenge", field + "." + entry.getKey() + " is "
                        + value.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a string, number or boolean");
            }
            map.put(entry.getKey(), value.asText());
        });
        return map;
    }

    private String metadata(ObjectNode response) {
        JsonNode node = response.get("challengeMetadata");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw malformed("CreateAuthChallenge", "challengeMetadata is not a string");
        }
        return node.textValue();
    }

    private CognitoError malformed(String name, String why) {
        return invoker.malformed(name, why);
    }

    /** Define's answer. */
    record Decision(boolean issueTokens, boolean failAuthentication, String challengeName) {
    }

    /** Create's answer; {@link #toString} hides the private parameters (they hold the answer). */
    record Challenge(Map<String, String> publicParameters, Map<String, String> privateParameters, String metadata) {
        @Override
        public String toString() {
            return "Challenge[public=" + publicParameters.keySet() + ", metadata=" + metadata + "]";
        }
    }
}
