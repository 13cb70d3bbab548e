package dev.cogauth.localpool.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossSiteCheckTest {

    @ParameterizedTest(name = "[{index}] Origin {0}, Sec-Fetch-Site {1}, Host {2}: allowed {3}")
    @CsvSource(nullValues = "-", value = {
            // the pool's own page, as Chromium posts it
            "http://127.0.0.1:9229, same-origin, 127.0.0.1:9229, true",
            "http://localhost:9229, same-origin, localhost:9229, true",
            // no browser headers: not a browser, so not a forged browser request (the cookie still binds it)
            "-, -, 127.0.0.1:9229, true",
            // another port of the same host: same-site for the browser, another origin all the same
            "http://127.0.0.1:8000, same-site, 127.0.0.1:9229, false",
            "http://127.0.0.1:8000, -, 127.0.0.1:9229, false",
            "-, same-site, 127.0.0.1:9229, false",
            "https://evil.example, cross-site, 127.0.0.1:9229, false",
            // a sandboxed frame or a data: page
            "null, cross-site, 127.0.0.1:9229, false",
            "null, -, 127.0.0.1:9229, false",
            // typed into the address bar is "none"; only GETs arrive that way, but it is no forgery
            "-, none, 127.0.0.1:9229, true",
            "http://127.0.0.1:9229, -, -, false"})
    void onlyThePoolsOwnPagesMayPost(String origin, String fetchSite, String host, boolean allowed) {
        assertEquals(allowed, CrossSiteCheck.problem(origin, fetchSite, host).isEmpty());
    }
}
