package dev.cogauth.localpool.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A Pre Token Generation answer applied to claims, one rule per row (Cognito's documented effects). */
class TokenClaimOverridesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "{\"sub\":\"s1\",\"email\":\"a@b.c\",\"cognito:groups\":[\"old\"],\"token_use\":\"id\"}";
    private static final String ACCESS = "{\"sub\":\"s1\",\"scope\":\"openid email\",\"client_id\":\"c1\",\"cognito:groups\":[\"old\"]}";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            V1 adds a claim                      | 1 | {"claimsOverrideDetails":{"claimsToAddOrOverride":{"tier":"gold"}}} | {"sub":"s1","email":"a@b.c","cognito:groups":["old"],"token_use":"id","tier":"gold"} | ACCESS
            V1 suppressing wins over adding      | 1 | {"claimsOverrideDetails":{"claimsToAddOrOverride":{"email":"x@y.z"},"claimsToSuppress":["email"]}} | {"sub":"s1","cognito:groups":["old"],"token_use":"id"} | ACCESS
            V1 reserved claims stay              | 1 | {"claimsOverrideDetails":{"claimsToAddOrOverride":{"sub":"x"},"claimsToSuppress":["token_use"]}} | ID | ACCESS
            V1 null group override drops groups  | 1 | {"claimsOverrideDetails":{"groupOverrideDetails":null}} | {"sub":"s1","email":"a@b.c","token_use":"id"} | {"sub":"s1","scope":"openid email","client_id":"c1"}
            V1 absent group override keeps them  | 1 | {"claimsOverrideDetails":{}} | ID | ACCESS
            V1 answered nothing                  | 1 | {"claimsOverrideDetails":null} | ID | ACCESS
            V2 JSON values, not where scalar     | 2 | {"claimsAndScopeOverrideDetails":{"idTokenGeneration":{"claimsToAddOrOverride":{"roles":["a"],"email_verified":{"x":1}}}}} | {"sub":"s1","email":"a@b.c","cognito:groups":["old"],"token_use":"id","roles":["a"]} | ACCESS
            V2 scopes added then suppressed      | 2 | {"claimsAndScopeOverrideDetails":{"accessTokenGeneration":{"scopesToAdd":["a/b","email"],"scopesToSuppress":["openid"]}}} | ID | {"sub":"s1","scope":"email a/b","client_id":"c1","cognito:groups":["old"]}
            V2 access claims, client_id stays    | 2 | {"claimsAndScopeOverrideDetails":{"accessTokenGeneration":{"claimsToAddOrOverride":{"tenant":"t","client_id":"x"},"claimsToSuppress":["cognito:groups"]}}} | ID | {"sub":"s1","scope":"openid email","client_id":"c1","tenant":"t"}
            V2 ignores version 1's answer        | 2 | {"claimsOverrideDetails":{"claimsToSuppress":["email"]}} | ID | ACCESS
            """)
    void appliesTheAnswer(String rule, int version, String response, String id, String access) throws Exception {
        TokenClaimOverrides overrides = TokenClaimOverrides.read(JSON.readTree(response), version);
        ObjectNode idClaims = (ObjectNode) JSON.readTree(ID);
        ObjectNode accessClaims = (ObjectNode) JSON.readTree(ACCESS);
        overrides.applyToIdToken(idClaims);
        overrides.applyToAccessToken(accessClaims);
        assertEquals(JSON.readTree(id.equals("ID") ? ID : id), idClaims, rule);
        assertEquals(JSON.readTree(access.equals("ACCESS") ? ACCESS : access), accessClaims, rule);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            details not an object       | 1 | {"claimsOverrideDetails":"x"}
            suppress not a list         | 1 | {"claimsOverrideDetails":{"claimsToSuppress":"email"}}
            V1 value an object          | 1 | {"claimsOverrideDetails":{"claimsToAddOrOverride":{"a":{"b":1}}}}
            a null claim value          | 2 | {"claimsAndScopeOverrideDetails":{"idTokenGeneration":{"claimsToAddOrOverride":{"a":null}}}}
            scopes not strings          | 2 | {"claimsAndScopeOverrideDetails":{"accessTokenGeneration":{"scopesToAdd":[1]}}}
            preferred role not a string | 1 | {"claimsOverrideDetails":{"groupOverrideDetails":{"preferredRole":1}}}
            """)
    void refusesAMalformedAnswer(String rule, int version, String response) {
        TriggerException e = assertThrows(TriggerException.class,
                () -> TokenClaimOverrides.read(JSON.readTree(response), version), rule);
        assertEquals(TriggerException.Kind.MALFORMED_RESPONSE, e.kind());
    }

    @org.junit.jupiter.api.Test
    void namesTheReservedClaimsItLeftAlone() throws Exception {
        TokenClaimOverrides overrides = TokenClaimOverrides.read(JSON.readTree(
                "{\"claimsOverrideDetails\":{\"claimsToAddOrOverride\":{\"iss\":\"x\"},\"claimsToSuppress\":[\"sub\"]}}"), 1);
        overrides.applyToIdToken((ObjectNode) JSON.readTree(ID));
        assertEquals(Set.of("iss", "sub"), overrides.ignored());
    }
}
