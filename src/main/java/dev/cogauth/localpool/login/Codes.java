package dev.cogauth.localpool.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Short-lived single-use values by random key: pending sign-ins (the form's hidden field),
 * authorization codes (5 minutes, as Cognito's), managed login sessions (the cookie). At most
 * {@code capacity} are kept: expired ones are dropped as new ones come, and when that many are
 * alive the oldest makes room, so a flood of requests (an {@code <img>} tag on any page can
 * send them) cannot grow the pool's memory, only cut short the oldest pending sign-ins.
 */
final class Codes<T> {
    /** In the order added, which is also the order they expire in: every entry lives as long. */
    private final LinkedHashMap<String, Entry<T>> entries = new LinkedHashMap<>();
    private final SecureRandom random;
    private final Clock clock;
    private final Duration lifetime;
    private final int capacity;

    Codes(SecureRandom random, Clock clock, Duration lifetime, int capacity) {
        this.random = random;
        this.clock = clock;
        this.lifetime = lifetime;
        this.capacity = capacity;
    }

    String add(T value) {
        String key = randomKey();
        Instant now = clock.instant();
        synchronized (entries) {
            dropExpired(now);
            if (entries.size() >= capacity) {
                Iterator<String> oldest = entries.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            entries.put(key, new Entry<>(value, now.plus(lifetime)));
        }
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

    /** How many are kept now, expired ones not yet dropped included. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** The value while it lives, leaving it in place. */
    Optional<T> peek(String key) {
        Entry<T> entry;
        synchronized (entries) {
            entry = key == null ? null : entries.get(key);
        }
        return live(entry);
    }

    /** The value while it lives, removing it: a second take finds nothing. */
    Optional<T> take(String key) {
        Entry<T> entry;
        synchronized (entries) {
            entry = key == null ? null : entries.remove(key);
        }
        return live(entry);
    }

    private Optional<T> live(Entry<T> entry) {
        return entry == null || !clock.instant().isBefore(entry.expires()) ? Optional.empty() : Optional.of(entry.value());
    }

    private void dropExpired(Instant now) {
        for (Iterator<Entry<T>> it = entries.values().iterator(); it.hasNext(); ) {
            if (now.isBefore(it.next().expires())) {
                return;
            }
            it.remove();
        }
    }

    private record Entry<T>(T value, Instant expires) {
    }
}
