package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.Trigger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sign-up path's triggers, each optional: Pre Sign-up (may refuse a new user, or confirm and
 * verify them at once) and Post Confirmation (told once a user is confirmed or has reset their
 * password). Events as Cognito sends them.
 */
final class SignUpTriggers {

    /** The {@code callerContext.clientId} Cognito sends for the admin calls, which name no client. */
    static final String NO_CLIENT = "CLIENT_ID_NOT_APPLICABLE";

    /** Why a user is being made: Pre Sign-up's {@code triggerSource}. */
    enum SignUpSource {
        SIGN_UP("PreSignUp_SignUp"),
        ADMIN_CREATE_USER("PreSignUp_AdminCreateUser");

        final String triggerSource;

        SignUpSource(String triggerSource) {
            this.triggerSource = triggerSource;
        }
    }

    /** Why a user counts as confirmed: Post Confirmation's {@code triggerSource}. */
    enum ConfirmSource {
        CONFIRM_SIGN_UP("PostConfirmation_ConfirmSignUp"),
        CONFIRM_FORGOT_PASSWORD("PostConfirmation_ConfirmForgotPassword");

        final String triggerSource;

        ConfirmSource(String triggerSource) {
            this.triggerSource = triggerSource;
        }
    }

    /**
     * What Pre Sign-up decided. Cognito honours the verify flags only for a user it also confirms
     * (an unconfirmed user still proves the address with the code).
     */
    record Decision(boolean confirm, boolean verifyEmail, boolean verifyPhone) {
        static final Decision NONE = new Decision(false, false, false);

        static Decision of(boolean confirm, boolean verifyEmail, boolean verifyPhone) {
            return new Decision(confirm, confirm && verifyEmail, confirm && verifyPhone);
        }
    }

    private final Trigger preSignUp;
    private final Trigger postConfirmation;
    private final TriggerInvoker invoker;
    private final PoolLog log;

    SignUpTriggers(Trigger preSignUp, Trigger postConfirmation, TriggerInvoker invoker, PoolLog log) {
        this.preSignUp = preSignUp;
        this.postConfirmation = postConfirmation;
        this.invoker = invoker;
        this.log = log;
    }

    /**
     * Before {@code user} (not yet stored) is created; a trigger that throws refuses the sign-up
     * (UserLambdaValidationException). The request's attributes are those given, as Cognito sends them.
     */
    Decision preSignUp(PoolUser user, String clientId, SignUpSource source, Map<String, String> validationData,
                       Map<String, String> clientMetadata) {
        if (preSignUp == null) {
            return Decision.NONE;
        }
        ObjectNode request = invoker.json().createObjectNode();
        Map<String, String> given = new LinkedHashMap<>(user.attributes());
        given.remove("sub"); // not the user's yet: Cognito makes it once the trigger lets the user be
        request.set("userAttributes", invoker.metadata(given));
        request.set("validationData", invoker.metadata(validationData));
        request.set("clientMetadata", invoker.metadata(clientMetadata));
        ObjectNode response = invoker.json().createObjectNode()
                .put("autoConfirmUser", false).put("autoVerifyEmail", false).put("autoVerifyPhone", false);
        TriggerInvoker.Answer answer = invoker.run(preSignUp, "PreSignUp", source.triggerSource, "1", user, clientId,
                request, response);
        boolean confirm = flag(answer.response(), "autoConfirmUser");
        Decision decision = Decision.of(confirm, flag(answer.response(), "autoVerifyEmail"),
                flag(answer.response(), "autoVerifyPhone"));
        if (!confirm && (flag(answer.response(), "autoVerifyEmail") || flag(answer.response(), "autoVerifyPhone"))) {
            log.notice("trigger PreSignUp asked to verify an address without confirming the user: ignored, as"
                    + " Cognito verifies only the addresses of users it auto-confirms");
        }
        log.step("  PreSignUp (" + answer.millis() + " ms) → " + (confirm ? "auto-confirmed" : "allowed"));
        return decision;
    }

    /** After {@code user} is confirmed; a trigger that throws fails the call, the confirmation standing, as in Cognito. */
    void postConfirmation(PoolUser user, String clientId, ConfirmSource source, Map<String, String> clientMetadata) {
        if (postConfirmation == null) {
            return;
        }
        ObjectNode request = invoker.request(user);
        request.set("clientMetadata", invoker.metadata(clientMetadata));
        TriggerInvoker.Answer answer = invoker.run(postConfirmation, "PostConfirmation", source.triggerSource, "1",
                user, clientId, request, invoker.json().createObjectNode());
        log.step("  PostConfirmation (" + answer.millis() + " ms) " + source.triggerSource);
    }

    private static boolean flag(ObjectNode response, String name) {
        JsonNode value = response.get(name);
        return value != null && value.asBoolean(false);
    }
}
