package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.tokens.OutputFormat;
import dev.cogauth.tokens.TokenPrinter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code --output} prints: the hand-off formats scripts parse. */
class TokenPrinterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final AuthenticationResult TOKENS =
            new AuthenticationResult("id.token.text", "access.token.text", "refresh-text", 3600, "Bearer", null);

    @Nested
    class AsJson {

        @Test
        void hasCognitosFieldsPlusExpiresAtInWholeSeconds() throws Exception {
            String text = TokenPrinter.render(OutputFormat.JSON, TOKENS, RECEIVED);
            JsonNode json = JSON.readTree(text);

            assertEquals(List.of("IdToken", "AccessToken", "RefreshToken", "ExpiresIn", "TokenType", "ExpiresAt"),
                    iterate(json.fieldNames()));
            assertEquals("id.token.text", json.get("IdToken").asText());
            assertEquals("access.token.text", json.get("AccessToken").asText());
            assertEquals("refresh-text", json.get("RefreshToken").asText());
            assertEquals(3600, json.get("ExpiresIn").asInt());
            assertEquals("Bearer", json.get("TokenType").asText());
            assertEquals("2026-01-02T04:04:05Z", json.get("ExpiresAt").asText(), "received + ExpiresIn, RFC 3339");
            assertEquals(json.toString() + "\n", text, "one line ending in a newline");
        }

        @Test
        void leavesOutAMissingRefreshTokenAndDefaultsTheTokenType() throws Exception {
            var tokens = new AuthenticationResult("i", "a", null, 60, null, null);
            JsonNode json = JSON.readTree(TokenPrinter.render(OutputFormat.JSON, tokens, RECEIVED));

            assertFalse(json.has("RefreshToken"));
            assertEquals("Bearer", json.get("TokenType").asText());
            assertEquals("2026-01-02T03:05:05Z", json.get("ExpiresAt").asText());
        }
    }

    @Nested
    class AsEnv {

        @Test
        void exportsEachTokenInSingleQuotes() {
            assertEquals("""
                    export COGNITO_ID_TOKEN='id.token.text'
                    export COGNITO_ACCESS_TOKEN='access.token.text'
                    export COGNITO_REFRESH_TOKEN='refresh-text'
                    export COGNITO_EXPIRES_AT='2026-01-02T04:04:05Z'
                    """, TokenPrinter.render(OutputFormat.ENV, TOKENS, RECEIVED));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // value                     | what sh must get back
            "it's                         | export COGNITO_ID_TOKEN='it'\\''s'",
            "''                           | export COGNITO_ID_TOKEN=''\\'''\\'''",
            "$(rm -rf ~) `x` \\n          | export COGNITO_ID_TOKEN='$(rm -rf ~) `x` \\n'",
        })
        void quotesAnyValueSoEvalKeepsItLiteral(String value, String line) {
            var tokens = new AuthenticationResult(value, "a", null, 60, "Bearer", null);
            String first = TokenPrinter.render(OutputFormat.ENV, tokens, RECEIVED).lines().findFirst().orElseThrow();
            assertEquals(line, first);
        }
    }

    @ParameterizedTest
    @CsvSource({"id-token, id.token.text", "access-token, access.token.text"})
    void aSingleTokenIsJustThatTokenAndANewline(String format, String expected) {
        assertEquals(expected + "\n", TokenPrinter.render(OutputFormat.parse(format), TOKENS, RECEIVED));
    }

    private static List<String> iterate(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
