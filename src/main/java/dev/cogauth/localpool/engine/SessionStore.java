package dev.cogauth.localpool.engine;

import dev.cogauth.protocol.ErrorType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sign-in sessions by their opaque Session string: each is single-use and expires after the
 * client's session validity, as Cognito's. A used Session is remembered until it would have
 * expired, so reusing it gets Cognito's "can only be used once" answer. At most {@code capacity}
 * are kept; when that many are alive, a new one is refused with Cognito's throttling answer
 * (TooManyRequestsException), which SDKs retry after a pause.
 */
final class SessionStore {

    private static final String EXPIRED = "Invalid session for the user, session is expired.";
    private static final String USED = "Invalid session for the user, session can only be used once.";
    private static final String THROTTLED = "Rate exceeded";

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextPurge = new AtomicLong();
    /** SRP secret block → Session, for clients that answer PASSWORD_VERIFIER without the Session, as Cognito allows. */
    private final Map<String, String> bySecretBlock = new ConcurrentHashMap<>();
    private final SecureRandom random;
    private final Clock clock;
    private final int capacity;

    SessionStore(SecureRandom random, Clock clock, int capacity) {
        this.random = random;
        this.clock = clock;
        this.capacity = capacity;
    }

    /** Stores a session and returns the Session string the client gets. */
    String open(AuthSession session) {
        purgeExpired(false);
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Entry entry = new Entry(session, clock.instant().plus(session.client().sessionValidity()), false);
        synchronized (this) { // the count and the put as one step, so that no burst overshoots
            if (sessions.size() >= capacity) {
                purgeExpired(true);
                if (sessions.size() >= capacity) {
                    throw new CognitoError(ErrorType.TOO_MANY_REQUESTS, THROTTLED);
                }
            }
            sessions.put(token, entry);
        }
        if (session.srp() != null) {
            bySecretBlock.put(session.srp().secretBlock(), token);
        }
        return token;
    }

    /** Takes a session for one answer; it cannot be taken again. */
    AuthSession take(String token) {
        purgeExpired(false);
        if (token == null || token.isEmpty()) {
            throw CognitoError.missingMember("Session");
        }
        Instant now = clock.instant();
        Entry[] taken = new Entry[1];
        sessions.computeIfPresent(token, (key, entry) -> {
            taken[0] = entry;
            return entry.used() ? entry : new Entry(entry.session(), entry.expiresAt(), true);
        });
        Entry entry = taken[0];
        if (entry == null || !now.isBefore(entry.expiresAt())) {
            throw CognitoError.notAuthorized(EXPIRED);
        }
        if (entry.used()) {
            throw CognitoError.notAuthorized(USED);
        }
        return entry.session();
    }

    /** The Session that carries this SRP secret block, if any. */
    String bySecretBlock(String secretBlock) {
        return secretBlock == null ? null : bySecretBlock.get(secretBlock);
    }

    /** Puts a taken session back under the same string, e.g. after a mistyped MFA code Cognito lets one retry. */
    void restore(String token, AuthSession session) {
        sessions.computeIfPresent(token, (key, entry) -> new Entry(session, entry.expiresAt(), false));
    }

    /** Drops expired sessions; unless {@code now}, at most once a second so that busy pools do not scan on every call. */
    private void purgeExpired(boolean now) {
        Instant at = clock.instant();
        long due = nextPurge.get();
        if (!now && (at.toEpochMilli() < due || !nextPurge.compareAndSet(due, at.toEpochMilli() + 1000))) {
            return;
        }
        for (Iterator<Entry> it = sessions.values().iterator(); it.hasNext(); ) {
            if (!at.isBefore(it.next().expiresAt())) {
                it.remove();
            }
        }
        bySecretBlock.values().removeIf(token -> !sessions.containsKey(token));
    }

    private record Entry(AuthSession session, Instant expiresAt, boolean used) {
    }
}
