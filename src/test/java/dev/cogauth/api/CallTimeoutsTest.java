package dev.cogauth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallTimeoutsTest {

    @ParameterizedTest(name = "--timeout {0}s: connect {1}s, each try {2}s")
    @CsvSource({
        "30, 5, 10",
        "120, 5, 10",
        "10, 5, 10",
        "7, 5, 7",
        "2, 2, 2",
        "1, 1, 1",
    })
    void connectAndEachTryAreCappedByTheWholeCall(long overall, long connect, long attempt) {
        CallTimeouts timeouts = CallTimeouts.of(Duration.ofSeconds(overall));
        assertEquals(new CallTimeouts(Duration.ofSeconds(connect), Duration.ofSeconds(attempt),
                Duration.ofSeconds(overall)), timeouts);
    }

    @Test
    void theDefaultIsThirtySecondsInAll() {
        assertEquals(CallTimeouts.of(Duration.ofSeconds(30)), CallTimeouts.DEFAULT);
    }

    @Test
    void printsAsARecordDoes() {
        assertEquals("CallTimeouts[connect=PT5S, attempt=PT10S, overall=PT30S]", CallTimeouts.DEFAULT.toString());
    }

    @Test
    void zeroIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CallTimeouts.of(Duration.ZERO));
    }
}
