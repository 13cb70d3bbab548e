package dev.cogauth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtTest {

    private static String token(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    /** The exp claim as the databind tree gives it: the reference the streaming read must match. */
    private static Optional<Instant> expFromTree(String token) {
        JsonNode exp = Jwt.claims(token).get("exp");
        return exp != null && exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
    }

    @Nested
    class The_expiry_read_without_databind {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "{\"exp\":1767225600}",
            "{\"exp\":1767225600.9}",
            "{\"exp\":-5}",
            "{\"exp\":\"1767225600\"}",
            "{\"exp\":null}",
            "{\"exp\":true}",
            "{\"exp\":[1767225600]}",
            "{\"exp\":{\"at\":1767225600}}",
            "{\"exp\":99999999999999999999999}",
            "{\"exp\":1e300}",
            "{}",
            "{\"cognito:groups\":[\"a\",{\"exp\":[1,2]}],\"nested\":{\"exp\":3},\"exp\":5}",
            "{\"exp\":1,\"exp\":2}",
            "{\"exp\":7} trailing",
        })
        void is_the_exp_claim_the_tree_gives(String payload) {
            String token = token(payload);
            assertEquals(expFromTree(token), Jwt.times(token).expiry());
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"[1767225600]", "\"exp\"", "{\"exp\":17", "not json", ""})
        void refuses_what_claims_refuses(String payload) {
            String token = token(payload);
            assertThrows(IllegalArgumentException.class, () -> Jwt.claims(token));
            assertThrows(IllegalArgumentException.class, () -> Jwt.times(token));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                {"iat":1767225300,"exp":1767225600} | PT5M
                {"exp":1767225600}                  |
                {"iat":"1767225300","exp":1767225600} |
                {"iat":1767225300}                  |
                """)
        void the_lifetime_is_exp_minus_iat_when_both_are_numbers(String payload, Duration lifetime) {
            assertEquals(Optional.ofNullable(lifetime), Jwt.times(token(payload)).lifetime());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"a.b", "a.b.c.d", "a.!!!.c"})
        void refuses_what_is_not_a_jwt(String token) {
            assertThrows(IllegalArgumentException.class, () -> Jwt.times(token));
        }
    }
}
