package dev.cogauth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefreshThresholdTest {

    @ParameterizedTest(name = "min-ttl {0}, lifetime {1} -> {2}")
    @CsvSource({
        "PT5M,  PT1H,  PT5M",    // an hour's token: --min-ttl as asked
        "PT30M, PT1H,  PT30M",
        "PT40M, PT1H,  PT30M",   // never more than half the lifetime
        "PT5M,  PT5M,  PT2M30S", // Cognito's shortest tokens with the default --min-ttl
        "PT30S, PT40S, PT20S",
        "PT0S,  PT5M,  PT0S",
        "PT5M,  ,      PT5M",    // no iat: the lifetime is unknown, no cap
        "PT5M,  PT0S,  PT5M",    // nonsense claims: no cap
        "PT5M,  -PT1H, PT5M",
    })
    void is_min_ttl_capped_at_half_the_tokens_lifetime(Duration minTtl, Duration lifetime, Duration expected) {
        assertEquals(expected, RefreshThreshold.effective(minTtl, Optional.ofNullable(lifetime)));
    }
}
