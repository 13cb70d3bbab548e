package dev.cogauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PastedRedirectTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "http://localhost:8400/callback?code=abc&state=s%201         | abc  | s 1",
        "  http://127.0.0.1:8400/cb?state=s%201&code=abc#_=_          | abc  | s 1",
        "?code=abc&state=xyz                                          | abc  | xyz",
        "code=abc&state=xyz                                           | abc  | xyz",
        "http://localhost:8400/callback?error=access_denied&state=xyz |      | xyz",
    })
    void takes_the_query_of_an_address_or_a_bare_query(String pasted, String code, String state) {
        Map<String, String> query = PastedRedirect.query(pasted).orElseThrow();
        assertEquals(code == null ? null : code, query.get("code"));
        assertEquals(state, query.get("state"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "http://localhost:8400/callback",
        "abc",
        "http://localhost:8400/callback?",
    })
    void something_without_a_query_is_nothing(String pasted) {
        assertEquals(Optional.empty(), PastedRedirect.query(pasted));
    }
}
