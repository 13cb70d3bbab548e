package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * Sending a user a one-time code for a purpose (sign-up, password reset): to their email, else
 * their phone number; the code kept on the user until it is used or expires, and Cognito's
 * {@code CodeDeliveryDetails} in the answer.
 */
final class CodeDelivery {

    static final Duration SIGN_UP_VALIDITY = Duration.ofHours(24);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    private CodeDelivery() {
    }

    /**
     * Sends a code for {@code purpose} and returns the answer's {@code CodeDeliveryDetails}, or null
     * when the user has nowhere to receive one.
     */
    static ObjectNode send(RunningPool pool, PoolUser user, String purpose, boolean reset,
                           CustomMessages.Occasion occasion) {
        String email = user.attributes().get("email");
        String phone = user.attributes().get("phone_number");
        if (email == null && phone == null) {
            return null;
        }
        boolean sms = email == null;
        String destination = sms ? phone : email;
        String code = pool.codes().make(6);
        pool.codes().send(user, sms, destination, code, purpose, occasion);
        PendingCode pending = new PendingCode(code,
                pool.services().clock().instant().plus(reset ? RESET_VALIDITY : SIGN_UP_VALIDITY), 0);
        if (reset) {
            user.setResetCode(pending);
        } else {
            user.setConfirmationCode(pending);
        }
        return details(pool, sms, destination);
    }

    static ObjectNode details(RunningPool pool, boolean sms, String destination) {
        return pool.services().json().createObjectNode()
                .put("Destination", mask(destination))
                .put("DeliveryMedium", sms ? "SMS" : "EMAIL")
                .put("AttributeName", sms ? "phone_number" : "email");
    }

    /** As Cognito shows a destination: {@code a***@e***} for an email, {@code +*******0123} for a phone. */
    static String mask(String destination) {
        int at = destination.indexOf('@');
        if (at > 0 && at < destination.length() - 1) {
            return destination.charAt(0) + "***@" + destination.charAt(at + 1) + "***";
        }
        int keep = Math.min(4, destination.length());
        return "+" + "*".repeat(Math.max(0, destination.length() - keep - 1)) + destination.substring(destination.length() - keep);
    }
}
