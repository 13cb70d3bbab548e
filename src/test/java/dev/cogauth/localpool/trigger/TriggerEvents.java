package dev.cogauth.localpool.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Trigger events shaped as Cognito sends them (PROTOCOL.md "Trigger events"), and test handler files. */
final class TriggerEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private TriggerEvents() {
    }

    static ObjectNode event(String triggerSource) {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "1")
                .put("triggerSource", triggerSource)
                .put("region", "us-east-1")
                .put("userPoolId", "us-east-1_AbCdEf123")
                .put("userName", "alice");
        event.putObject("callerContext").put("awsSdkVersion", "aws-sdk-unknown-unknown").put("clientId", "client123");
        ObjectNode request = event.putObject("request");
        request.putObject("userAttributes").put("sub", "3f1c9a4e-0000-4000-8000-000000000001").put("email", "alice@example.com");
        request.putObject("clientMetadata");
        event.putObject("response");
        return event;
    }

    /** A Define event whose session holds {@code entries} of "CHALLENGE_NAME:result". */
    static ObjectNode define(String... entries) {
        ObjectNode event = event("DefineAuthChallenge_Authentication");
        ArrayNode session = ((ObjectNode) event.get("request")).putArray("session");
        for (String entry : entries) {
            String[] parts = entry.split(":");
            session.addObject()
                    .put("challengeName", parts[0])
                    .put("challengeResult", Boolean.parseBoolean(parts[1]))
                    .putNull("challengeMetadata");
        }
        return event;
    }

    static ObjectNode create(String challengeName) {
        ObjectNode event = event("CreateAuthChallenge_Authentication");
        ObjectNode request = (ObjectNode) event.get("request");
        request.put("challengeName", challengeName);
        request.putArray("session").addObject()
                .put("challengeName", "SRP_A").put("challengeResult", true).putNull("challengeMetadata");
        return event;
    }

    static ObjectNode verify(String answer, String expected) {
        ObjectNode event = event("VerifyAuthChallengeResponse_Authentication");
        ObjectNode request = (ObjectNode) event.get("request");
        request.put("challengeAnswer", answer);
        request.putObject("privateChallengeParameters").put("answer", expected);
        return event;
    }

    /** A handler file from src/test/resources/triggers. */
    static Path testHandler(String name) {
        URL resource = TriggerEvents.class.getResource("/triggers/" + name);
        if (resource == null) {
            throw new IllegalStateException("missing test handler " + name);
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable test handler path " + resource, e);
        }
    }
}
