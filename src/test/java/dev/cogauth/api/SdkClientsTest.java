package dev.cogauth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdkClientsTest {

    @ParameterizedTest(name = "{0}, env {1}={2}, property {3}={4}: {5}")
    @CsvSource(nullValues = "-", value = {
        "http://127.0.0.1:9229,      -,           -,                 -,               -,          true",
        "HTTP://localhost:4566,      -,           -,                 -,               -,          true",
        "https://cognito.example,    -,           -,                 -,               -,          false",
        "-,                          -,           -,                 -,               -,          false",
        "http://127.0.0.1:9229,      HTTP_PROXY,  http://proxy:3128, -,               -,          false",
        "http://127.0.0.1:9229,      https_proxy, http://proxy:3128, -,               -,          false",
        "http://127.0.0.1:9229,      HTTP_PROXY,  '',                -,               -,          true",
        "http://127.0.0.1:9229,      -,           -,                 http.proxyHost,  proxy,      false",
        "http://127.0.0.1:9229,      -,           -,                 https.proxyHost, proxy,      false",
        "http://127.0.0.1:9229,      NO_PROXY,    127.0.0.1,         -,               -,          true",
    })
    void opensPlainConnectionsOnlyForHttpWithoutAProxy(String endpoint, String envName, String envValue,
                                                      String property, String propertyValue, boolean expected) {
        Map<String, String> env = envName == null ? Map.of() : Map.of(envName, envValue);
        Properties properties = new Properties();
        if (property != null) {
            properties.setProperty(property, propertyValue);
        }
        assertEquals(expected, SdkClients.opensPlainConnections(endpoint == null ? null : URI.create(endpoint), env,
                properties));
    }
}
