package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.Trigger;
import java.util.Map;

/**
 * The text of every code message the pool "sends": its own default, or what the Custom Message
 * trigger writes, with Cognito's placeholders ({@value #CODE_PARAMETER}, and {@value #USERNAME_PARAMETER}
 * in an invitation) replaced by the code and the username. As in Cognito, a message that leaves out
 * a placeholder it must carry is not sent: the default message goes instead (the subject still counts).
 */
final class CustomMessages {

    static final String CODE_PARAMETER = "{####}";
    static final String USERNAME_PARAMETER = "{username}";
    /** Sent as Cognito sends it; the pool verifies by code only, so a link placeholder stays as written. */
    static final String LINK_PARAMETER = "{##Click Here##}";
    /** Cognito's longest email message (its message templates' limit); longer ones get the default. */
    static final int MAX_MESSAGE = 20_000;
    /** Cognito's longest email subject. */
    static final int MAX_SUBJECT = 140;

    /** Why a message is sent: Custom Message's {@code triggerSource}, and the default text. */
    enum Source {
        SIGN_UP("CustomMessage_SignUp", Defaults.VERIFICATION),
        ADMIN_CREATE_USER("CustomMessage_AdminCreateUser", Defaults.INVITATION),
        RESEND_CODE("CustomMessage_ResendCode", Defaults.VERIFICATION),
        FORGOT_PASSWORD("CustomMessage_ForgotPassword", Defaults.VERIFICATION),
        UPDATE_USER_ATTRIBUTE("CustomMessage_UpdateUserAttribute", Defaults.VERIFICATION),
        VERIFY_USER_ATTRIBUTE("CustomMessage_VerifyUserAttribute", Defaults.VERIFICATION),
        AUTHENTICATION("CustomMessage_Authentication", Defaults.AUTHENTICATION);

        final String triggerSource;
        final Text defaults;

        Source(String triggerSource, Text defaults) {
            this.triggerSource = triggerSource;
            this.defaults = defaults;
        }
    }

    /** Cognito's default messages, placeholders unfilled. */
    private static final class Defaults {
        static final Text VERIFICATION = new Text("Your verification code is " + CODE_PARAMETER + ".",
                "Your verification code");
        static final Text INVITATION = new Text("Your username is " + USERNAME_PARAMETER + " and temporary password is "
                + CODE_PARAMETER + ".", "Your temporary password");
        static final Text AUTHENTICATION = new Text("Your authentication code is " + CODE_PARAMETER + ".",
                "Your authentication code");
    }

    /** A message's body and, for an email, its subject (null for an SMS). */
    record Text(String message, String subject) {
        @Override
        public String toString() {
            return "Text[***]"; // it holds a code
        }
    }

    /** What a message is sent for: the event's source, client ({@code callerContext.clientId}) and client metadata. */
    record Occasion(Source source, String clientId, Map<String, String> clientMetadata) {
        /** A message of an admin call, which names no client. */
        static Occasion noClient(Source source, Map<String, String> clientMetadata) {
            return new Occasion(source, SignUpTriggers.NO_CLIENT, clientMetadata);
        }
    }

    private final Trigger trigger;
    private final TriggerInvoker invoker;
    private final PoolLog log;

    CustomMessages(Trigger trigger, TriggerInvoker invoker, PoolLog log) {
        this.trigger = trigger;
        this.invoker = invoker;
        this.log = log;
    }

    /**
     * The message carrying {@code code} to {@code user} by SMS or email. A trigger that fails fails
     * the call ({@code CustomMessage failed with error ...}); nothing is sent then.
     */
    Text write(PoolUser user, boolean sms, String code, Occasion occasion) {
        Text defaults = occasion.source().defaults;
        String message = defaults.message();
        String subject = sms ? null : defaults.subject();
        if (trigger != null) {
            boolean invitation = occasion.source() == Source.ADMIN_CREATE_USER;
            ObjectNode request = invoker.request(user)
                    .put("codeParameter", CODE_PARAMETER)
                    .put("linkParameter", LINK_PARAMETER);
            if (invitation) {
                request.put("usernameParameter", USERNAME_PARAMETER);
            } else {
                request.putNull("usernameParameter");
            }
            request.set("clientMetadata", invoker.metadata(occasion.clientMetadata()));
            ObjectNode response = invoker.json().createObjectNode();
            response.putNull("smsMessage").putNull("emailMessage").putNull("emailSubject");
            TriggerInvoker.Answer answer = invoker.run(trigger, "CustomMessage", occasion.source().triggerSource, "1",
                    user, occasion.clientId(), request, response);
            String written = text(answer.response(), sms ? "smsMessage" : "emailMessage");
            if (written != null) {
                String refused = refusal(written, invitation);
                if (refused == null) {
                    message = written;
                } else {
                    log.notice("trigger CustomMessage's " + (sms ? "smsMessage" : "emailMessage") + " " + refused
                            + ": the default message is sent, as Cognito does");
                }
            }
            String writtenSubject = sms ? null : text(answer.response(), "emailSubject");
            if (writtenSubject != null) {
                if (writtenSubject.length() <= MAX_SUBJECT) {
                    subject = writtenSubject;
                } else {
                    log.notice("trigger CustomMessage's emailSubject is longer than " + MAX_SUBJECT
                            + " characters: the default subject is sent");
                }
            }
            log.step("  CustomMessage (" + answer.millis() + " ms) " + occasion.source().triggerSource);
        }
        return new Text(fill(message, code, occasion.source() == Source.ADMIN_CREATE_USER ? user.username() : null),
                subject);
    }

    /** Why Cognito would not send {@code message}, or null when it would. */
    static String refusal(String message, boolean invitation) {
        if (!message.contains(CODE_PARAMETER)) {
            return "lacks the code placeholder " + CODE_PARAMETER;
        }
        if (invitation && !message.contains(USERNAME_PARAMETER)) {
            return "lacks the username placeholder " + USERNAME_PARAMETER;
        }
        if (message.length() > MAX_MESSAGE) {
            return "is longer than " + MAX_MESSAGE + " characters";
        }
        return null;
    }

    /**
     * The placeholders replaced in one pass, so that a username or code that happens to contain
     * the other placeholder is not replaced again; {@code username} null: only an invitation names
     * the user, other messages keep {@value #USERNAME_PARAMETER} as written.
     */
    static String fill(String message, String code, String username) {
        StringBuilder filled = new StringBuilder(message.length() + code.length());
        int at = 0;
        while (at < message.length()) {
            if (message.startsWith(CODE_PARAMETER, at)) {
                filled.append(code);
                at += CODE_PARAMETER.length();
            } else if (username != null && message.startsWith(USERNAME_PARAMETER, at)) {
                filled.append(username);
                at += USERNAME_PARAMETER.length();
            } else {
                filled.append(message.charAt(at++));
            }
        }
        return filled.toString();
    }

    /** A response field as text: absent or null is none (the default stays); anything but a string is malformed. */
    private String text(ObjectNode response, String field) {
        JsonNode value = response.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invoker.malformed("CustomMessage", field + " is not a string");
        }
        return value.asText();
    }
}
