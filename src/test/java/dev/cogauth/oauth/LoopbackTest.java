package dev.cogauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8400/", "http://127.0.0.1:8400/callback", "http://[::1]:8400/cb"})
    void accepts_loopback_uris_with_a_port(String uri) {
        assertEquals(Optional.empty(), Loopback.problemWith(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost:8400/", "http://example.com:8400/", "http://localhost/",
        "myapp://callback", "http://10.0.0.1:8400/", "http://localhost:8400/#x", "http://localhost:99999/cb",
        "http://127.0.0.1:65536/"})
    void refuses_others(String uri) {
        assertTrue(Loopback.problemWith(uri).isPresent(), uri);
    }

    @Test
    void picks_the_first_loopback_redirect_of_an_apps_list() {
        assertEquals(Optional.of("http://localhost:3000/"), Loopback.first(List.of("myapp://signin/",
                "https://app.example.com/", "http://localhost:3000/", "http://127.0.0.1:4000/")));
        assertEquals(Optional.empty(), Loopback.first(List.of("myapp://signin/")));
    }
}
