package dev.cogauth.localpool.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The managed login's stores hold at most their capacity, whatever comes in. */
class CodesTest {

    @Test
    void aFullStoreDropsTheOldestAndExpiredOnesMakeRoomFirst() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Clock[] now = {Clock.fixed(start, ZoneOffset.UTC)};
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0].instant();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        Codes<String> codes = new Codes<>(new SecureRandom(), clock, Duration.ofMinutes(15), 3);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(codes.add("value " + i));
            assertTrue(codes.size() <= 3, () -> codes.size() + " kept");
        }
        assertTrue(codes.peek(keys.get(9_996)).isEmpty(), "the oldest made room");
        assertEquals("value 9999", codes.peek(keys.get(9_999)).orElseThrow());
        assertEquals("value 9997", codes.peek(keys.get(9_997)).orElseThrow());

        now[0] = Clock.offset(now[0], Duration.ofMinutes(15));
        codes.add("later");
        assertEquals(1, codes.size(), "expired ones are dropped as new ones come");
    }
}
