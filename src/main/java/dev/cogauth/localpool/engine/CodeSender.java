package dev.cogauth.localpool.engine;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * "Sends" one-time codes by email or SMS: a notice in the pool's log (always shown, ending with the
 * code) and a file in the outbox, if the pool has one, with the message as the pool's default or the
 * Custom Message trigger wrote it. A local development tool's stand-in.
 */
final class CodeSender {

    private final SecureRandom random;
    private final Clock clock;
    private final PoolLog log;
    private final Outbox outbox;
    private final CustomMessages messages;

    CodeSender(SecureRandom random, Clock clock, PoolLog log, Outbox outbox, CustomMessages messages) {
        this.random = random;
        this.clock = clock;
        this.log = log;
        this.outbox = outbox;
        this.messages = messages;
    }

    /** A new code of {@code digits} decimal digits, not yet sent. */
    String make(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    /**
     * Sends {@code code} to {@code destination}, the message written first (a Custom Message trigger
     * that fails fails the call, and nothing is sent); {@code challenge} names what it is for in the outbox.
     */
    void send(PoolUser user, boolean sms, String destination, String code, String challenge,
              CustomMessages.Occasion occasion) {
        CustomMessages.Text text = messages.write(user, sms, code, occasion);
        // The log shows the code, never the message: a trigger's text could hold terminal escapes.
        log.notice((sms ? "SMS to " : "Email to ") + destination + " for " + user.username()
                + (occasion.source() == CustomMessages.Source.ADMIN_CREATE_USER ? ": your temporary password is "
                : ": your verification code is ") + code);
        outbox.deliver(new Outbox.Message(sms ? "SMS" : "EMAIL", destination, code, clock.instant(),
                user.username(), challenge, text.message(), text.subject()));
    }
}
