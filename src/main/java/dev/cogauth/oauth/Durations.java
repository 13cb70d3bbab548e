package dev.cogauth.oauth;

import java.time.Duration;

/** Durations as people write them in messages: 90s, 5m, 1m30s. */
final class Durations {

    private Durations() {
    }

    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds / 60 + "m" + seconds % 60 + "s";
    }
}
