package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SignUp: an UNCONFIRMED user with the given password (checked against the pool's policy) and
 * attributes, and a confirmation code "sent" to their email, else their phone number.
 */
final class SignUp implements Operation {

    private final RunningPool pool;
    private final ManagementLimits limits;

    SignUp(RunningPool pool, ManagementLimits limits) {
        this.pool = pool;
        this.limits = limits;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        String username = UserViews.checkUsername(request.required("Username"));
        String clientId = ClientCalls.client(pool, request, username).clientId();
        String password = request.required("Password");
        Map<String, String> attributes = UserViews.checkAttributes(request.attributes("UserAttributes"), limits, Map.of());
        pool.policy().check(password);
        String sub = UUID.randomUUID().toString();
        PoolUser user = new PoolUser(username, sub, attributes, UserStatus.UNCONFIRMED,
                pool.passwords().verifier(username, password), true, false, false, null, null, List.of());
        SignUpTriggers.Decision decision = pool.signUpTriggers().preSignUp(user, clientId,
                SignUpTriggers.SignUpSource.SIGN_UP, request.attributes("ValidationData"), request.map("ClientMetadata"));
        user.stamp(pool.services().clock().instant());
        pool.services().users().create(user, "User already exists");
        ObjectNode delivery = null;
        if (decision.confirm()) {
            user.setStatus(UserStatus.CONFIRMED);
            pool.services().users().update(user, verified(user, decision));
        } else {
            delivery = CodeDelivery.send(pool, user, "SignUp", false, new CustomMessages.Occasion(
                    CustomMessages.Source.SIGN_UP, clientId, request.map("ClientMetadata")));
        }
        pool.services().log().step("SignUp " + username + " in " + pool.poolId());
        if (decision.confirm()) {
            // Cognito tells Post Confirmation of an auto-confirmed user too.
            pool.signUpTriggers().postConfirmation(user, clientId, SignUpTriggers.ConfirmSource.CONFIRM_SIGN_UP,
                    request.map("ClientMetadata"));
        }
        ObjectNode response = pool.services().json().createObjectNode().put("UserConfirmed", decision.confirm());
        if (delivery != null) {
            response.set("CodeDeliveryDetails", delivery);
        }
        return response.put("UserSub", sub);
    }

    /** The {@code *_verified} attributes Pre Sign-up's answer sets, for the addresses the user has. */
    static Map<String, String> verified(PoolUser user, SignUpTriggers.Decision decision) {
        Map<String, String> verified = new java.util.LinkedHashMap<>();
        if (decision.verifyEmail() && user.attributes().containsKey("email")) {
            verified.put("email_verified", "true");
        }
        if (decision.verifyPhone() && user.attributes().containsKey("phone_number")) {
            verified.put("phone_number_verified", "true");
        }
        return verified;
    }
}
