package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.localpool.trigger.TriggerException;
import dev.cogauth.protocol.ErrorType;
import java.util.Map;

/**
 * Calls one trigger as Cognito does, whatever its kind: the event's common fields, the call, and
 * a failure turned into the error Cognito gives the client ({@code <Name> failed with error ...}).
 */
final class TriggerInvoker {

    private static final String SDK_VERSION = "aws-sdk-unknown-unknown";

    private final String poolId;
    private final String region;
    private final ObjectMapper json;
    private final PoolLog log;

    TriggerInvoker(String poolId, String region, ObjectMapper json, PoolLog log) {
        this.poolId = poolId;
        this.region = region;
        this.json = json;
        this.log = log;
    }

    ObjectMapper json() {
        return json;
    }

    /** A request with the user's attributes as triggers see them: every attribute, {@code sub} and the status. */
    ObjectNode request(PoolUser user) {
        ObjectNode request = json.createObjectNode();
        ObjectNode attributes = request.putObject("userAttributes");
        user.attributes().forEach(attributes::put);
        attributes.put("cognito:user_status", user.status().name());
        return request;
    }

    ObjectNode metadata(Map<String, String> values) {
        return json.valueToTree(values);
    }

    /**
     * Runs {@code trigger} with the event Cognito sends it and returns its {@code response}.
     *
     * @param name       the trigger's name in errors, e.g. {@code PreAuthentication}
     * @param source     the event's {@code triggerSource}, e.g. {@code PreAuthentication_Authentication}
     * @param version    the event's {@code version}
     * @param response   the event's {@code response} as sent (Cognito sends some fields as null)
     */
    Answer run(Trigger trigger, String name, String source, String version, PoolUser user, String clientId,
               ObjectNode request, ObjectNode response) {
        return run(trigger, name, source, version, user.username(), clientId, request, response);
    }

    /** As above, for a user the pool does not have (yet): User Migration's. */
    Answer run(Trigger trigger, String name, String source, String version, String username, String clientId,
               ObjectNode request, ObjectNode response) {
        ObjectNode event = json.createObjectNode()
                .put("version", version)
                .put("triggerSource", source)
                .put("region", region)
                .put("userPoolId", poolId)
                .put("userName", username);
        event.putObject("callerContext").put("awsSdkVersion", SDK_VERSION).put("clientId", clientId);
        event.set("request", request);
        event.set("response", response);
        long start = System.nanoTime();
        ObjectNode answer;
        try {
            answer = trigger.invoke(event);
        } catch (TriggerException e) {
            log.notice("trigger " + name + " failed (" + e.kind() + "): " + e.getMessage());
            throw switch (e.kind()) {
                case HANDLER_ERROR -> new CognitoError(ErrorType.USER_LAMBDA_VALIDATION,
                        name + " failed with error " + e.getMessage() + ".");
                case MALFORMED_RESPONSE -> new CognitoError(ErrorType.INVALID_LAMBDA_RESPONSE, "Unrecognizable lambda output");
                case UNAVAILABLE -> new CognitoError(ErrorType.UNEXPECTED_LAMBDA,
                        name + " invocation failed due to error " + e.getMessage() + ".");
            };
        } catch (RuntimeException e) {
            log.notice("trigger " + name + " failed: " + e);
            throw new CognitoError(ErrorType.UNEXPECTED_LAMBDA, name + " invocation failed due to error "
                    + e.getClass().getSimpleName() + ".");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode answered = answer == null ? null : answer.get("response");
        if (!(answered instanceof ObjectNode object)) {
            throw malformed(name, "the returned event has no response object");
        }
        return new Answer(object, millis);
    }

    CognitoError malformed(String name, String why) {
        log.notice("trigger " + name + " answered malformed: " + why);
        return new CognitoError(ErrorType.INVALID_LAMBDA_RESPONSE, "Unrecognizable lambda output");
    }

    /** A trigger's {@code response} and how long the trigger took. */
    record Answer(ObjectNode response, long millis) {
    }
}
