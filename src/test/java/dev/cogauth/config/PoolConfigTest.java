package dev.cogauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.protocol.AuthFlow;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolConfigTest {

    private static PoolConfig config(String poolId, Optional<String> secret) {
        return new PoolConfig(poolId, "client1", secret, "us-east-1", Optional.of(URI.create("http://127.0.0.1:9229")),
                AuthFlow.CUSTOM_WITH_SRP, Optional.empty());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        // PROTOCOL.md vector 1 and 2 pools
        "eu-west-1_myPool,    myPool",
        "us-west-2_abc,       abc",
        "us-gov-west-1_X9y8Z, X9y8Z",
    })
    void poolNameIsThePartAfterTheUnderscore(String poolId, String poolName) {
        assertEquals(poolName, config(poolId, Optional.empty()).poolName());
    }

    @Test
    void toStringHidesTheSecret() {
        String shown = config("us-east-1_P1", Optional.of("sup3rs3cret")).toString();
        assertFalse(shown.contains("sup3rs3cret"), shown);
        assertTrue(shown.contains("clientSecret=***"), shown);
        assertTrue(shown.contains("endpoint=http://127.0.0.1:9229"), shown);
        assertTrue(config("us-east-1_P1", Optional.empty()).toString().contains("clientSecret=none"));
    }

    @Test
    void requiredPartsAreNeverNull() {
        assertThrows(NullPointerException.class, () -> new PoolConfig("us-east-1_P1", null, Optional.empty(),
                "us-east-1", Optional.empty(), AuthFlow.USER_SRP_AUTH, Optional.empty()));
        assertThrows(NullPointerException.class, () -> new PoolConfig("us-east-1_P1", "c", Optional.empty(),
                null, Optional.empty(), AuthFlow.USER_SRP_AUTH, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> config("nounderscore", Optional.empty()));
    }
}
