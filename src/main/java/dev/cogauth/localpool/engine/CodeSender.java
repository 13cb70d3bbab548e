package dev.cogauth.localpool.engine;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * "Sends" one-time codes by email or SMS: a notice in the pool's log (always shown, ending with the
 * code) and a file in the outbox, if the pool has one. A local development tool's stand-in.
 */
final class CodeSender {

    private final SecureRandom random;
    private final Clock clock;
    private final PoolLog log;
    private final Outbox outbox;

    CodeSender(SecureRandom random, Clock clock, PoolLog log, Outbox outbox) {
        this.random = random;
        this.clock = clock;
        this.log = log;
        this.outbox = outbox;
    }

    /** A new code of {@code digits} decimal digits, not yet sent. */
    String make(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    /** Sends {@code code} to {@code destination}. */
    void send(PoolUser user, boolean sms, String destination, String code, String challenge) {
        log.notice((sms ? "SMS to " : "Email to ") + destination + " for " + user.username()
                + ": your verification code is " + code);
        outbox.deliver(new Outbox.Message(sms ? "SMS" : "EMAIL", destination, code, clock.instant(),
                user.username(), challenge));
    }

    /** Sends a temporary password (AdminCreateUser's invitation) as a code is sent: the log's notice and the outbox. */
    void sendTemporaryPassword(PoolUser user, boolean sms, String destination, String password, String purpose) {
        log.notice((sms ? "SMS to " : "Email to ") + destination + " for " + user.username()
                + ": your temporary password is " + password);
        outbox.deliver(new Outbox.Message(sms ? "SMS" : "EMAIL", destination, password, clock.instant(),
                user.username(), purpose));
    }
}
