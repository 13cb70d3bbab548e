package dev.cogauth.localpool.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** SMS_MFA, EMAIL_OTP and SMS_OTP: the code the pool sent (to its outbox), compared in constant time. */
final class SentCodeHandler extends CodeHandler {

    SentCodeHandler(PoolServices pool) {
        super(pool);
    }

    @Override
    boolean correct(AuthSession session, String code) {
        return MessageDigest.isEqual(session.expectedCode().getBytes(StandardCharsets.UTF_8),
                code.getBytes(StandardCharsets.UTF_8));
    }
}
