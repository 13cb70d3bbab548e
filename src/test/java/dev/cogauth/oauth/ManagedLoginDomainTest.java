package dev.cogauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManagedLoginDomainTest {

    @ParameterizedTest
    @CsvSource({
        "example.auth.us-east-1.amazoncognito.com, https://example.auth.us-east-1.amazoncognito.com",
        "https://example.auth.eu-west-1.amazoncognito.com/, https://example.auth.eu-west-1.amazoncognito.com",
        "login.example.com, https://login.example.com",
        "https://login.example.com:8443, https://login.example.com:8443",
        "http://127.0.0.1:9229, http://127.0.0.1:9229",
        "http://localhost:9229/, http://localhost:9229",
    })
    void normalises(String given, String expected) {
        assertEquals(expected, ManagedLoginDomain.parse(given).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://login.example.com | only for loopback",
        "ftp://login.example.com | scheme must be https",
        "https://login.example.com/oauth2/authorize | without a path",
        "https://login.example.com/?x=1 | without a query",
        "'' | empty",
        "https:// | not a host name",
    })
    void refuses(String given, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ManagedLoginDomain.parse(given));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
