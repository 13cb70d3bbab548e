package dev.cogauth.localpool.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.TriggerException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MachineTokenTriggerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode answer(String accessTokenGeneration) throws Exception {
        return (ObjectNode) JSON.readTree("{\"response\":{\"claimsAndScopeOverrideDetails\":{\"accessTokenGeneration\":"
                + accessTokenGeneration + "}}}");
    }

    @Test
    void theEventIsCognitosVersion3ForClientCredentials() {
        ObjectNode event = new MachineTokenTrigger(null, "eu-west-1_Pool", JSON)
                .event("machine", List.of("orders/read"), Map.of("k", "v"));
        assertEquals("3", event.path("version").asText());
        assertEquals("TokenGeneration_ClientCredentials", event.path("triggerSource").asText());
        assertEquals("eu-west-1", event.path("region").asText());
        assertEquals("machine", event.path("callerContext").path("clientId").asText());
        assertEquals("orders/read", event.path("request").path("scopes").get(0).asText());
        assertEquals("v", event.path("request").path("clientMetadata").path("k").asText());
        assertEquals(true, event.path("userName").isNull());
    }

    @Test
    void scopesAndClaimsChangeButProtectedClaimsStay() throws Exception {
        MachineTokenTrigger.Outcome outcome = MachineTokenTrigger.outcome(List.of("a/r", "a/w"), answer("""
                {"claimsToAddOrOverride": {"tenant": "x", "sub": "evil", "iss": "evil"},
                 "claimsToSuppress": ["jti", "custom"], "scopesToAdd": ["b/r"], "scopesToSuppress": ["a/w"]}"""));
        assertEquals(List.of("a/r", "b/r"), outcome.scopes());
        assertEquals(Map.of("tenant", JSON.getNodeFactory().textNode("x")), outcome.claimsToAdd());
        assertEquals(java.util.Set.of("custom"), outcome.claimsToSuppress());
    }

    @Test
    void noOverridesLeaveTheScopes() throws Exception {
        assertEquals(List.of("a/r"), MachineTokenTrigger.outcome(List.of("a/r"),
                (ObjectNode) JSON.readTree("{\"response\":{\"claimsAndScopeOverrideDetails\":null}}")).scopes());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            not an object     | "yes"
            scopes not a list | {"scopesToAdd": "a/r"}
            a number scope    | {"scopesToSuppress": [1]}
            claims not a map  | {"claimsToAddOrOverride": ["x"]}
            """)
    void aMalformedAnswerIsTheTriggersFailure(String what, String accessTokenGeneration) {
        TriggerException e = assertThrows(TriggerException.class,
                () -> MachineTokenTrigger.outcome(List.of("a/r"), answer(accessTokenGeneration)));
        assertEquals(TriggerException.Kind.MALFORMED_RESPONSE, e.kind(), what);
    }
}
