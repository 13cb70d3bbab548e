package dev.cogauth.localpool.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived single-use values by random key: pending sign-ins (the form's hidden field),
 * authorization codes (5 minutes, as Cognito's), managed login sessions (the cookie).
 */
final class Codes<T> {
    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final SecureRandom random;
    private final Clock clock;
    private final Duration lifetime;

    Codes(SecureRandom random, Clock clock, Duration lifetime) {
        this.random = random;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String add(T value) {
        String key = randomKey();
        entries.put(key, new Entry<>(value, clock.instant().plus(lifetime)));
        return key;
    }

    /** A new random value of the kind the keys are (24 random bytes, base64url). */
    String randomKey() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Duration lifetime() {
        return lifetime;
    }

    /** The value while it lives, leaving it in place. */
    Optional<T> peek(String key) {
        Entry<T> entry = key == null ? null : entries.get(key);
        return entry == null || !clock.instant().isBefore(entry.expires()) ? Optional.empty() : Optional.of(entry.value());
    }

    /** The value while it lives, removing it: a second take finds nothing. */
    Optional<T> take(String key) {
        Entry<T> entry = key == null ? null : entries.remove(key);
        return entry == null || !clock.instant().isBefore(entry.expires()) ? Optional.empty() : Optional.of(entry.value());
    }

    private record Entry<T>(T value, Instant expires) {
    }
}
