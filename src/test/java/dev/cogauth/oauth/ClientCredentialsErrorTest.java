package dev.cogauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientCredentialsErrorTest {

    @ParameterizedTest(name = "[{index}] HTTP {0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # Cognito's answers to a client_credentials grant (its token endpoint documentation, RFC 6749 section 5.2)
            401 | {"error":"invalid_client"}      | the token endpoint refused the client credentials grant: invalid_client; check the client id and its secret (the app client must have a secret)
            400 | {"error":"unauthorized_client"} | the token endpoint refused the client credentials grant: unauthorized_client; the app client must allow the client_credentials OAuth flow
            400 | {"error":"invalid_scope"}       | the token endpoint refused the client credentials grant: invalid_scope; ask only for scopes the app client is allowed (its allowed OAuth scopes)
            400 | {"error":"invalid_grant"}       | the token endpoint refused the client credentials grant: invalid_grant; a resource server's custom scope is required: allow one for the app client, with OAuth turned on for it
            # a description is kept, on one line
            400 | {"error":"invalid_scope","error_description":"bad\\nscope"} | the token endpoint refused the client credentials grant: invalid_scope: bad scope; ask only for scopes the app client is allowed (its allowed OAuth scopes)
            # an error cogauth has no advice for, and a body that is not OAuth's
            400 | {"error":"temporarily_odd"}     | the token endpoint refused the client credentials grant: temporarily_odd
            404 | <html>not here</html>           | the token endpoint refused the client credentials grant: HTTP 404; check --domain: it has no /oauth2/token
            """)
    void describesTheErrorAndWhatToCheck(int status, String body, String expected) {
        assertEquals(expected, ClientCredentialsError.describe(status, body));
    }

    @ParameterizedTest(name = "[{index}] control characters from the network are neutralised")
    @CsvSource(delimiter = '|', textBlock = """
            {"error":"invalid_client\\u001b[31m","error_description":"x\\u001b]0;title\\u0007"}
            """)
    void neutralisesControlCharacters(String body) {
        String line = ClientCredentialsError.describe(400, body);
        assertFalse(line.chars().anyMatch(Character::isISOControl), line);
    }
}
