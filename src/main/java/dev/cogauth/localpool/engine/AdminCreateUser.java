package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.protocol.ErrorType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * AdminCreateUser: a user in FORCE_CHANGE_PASSWORD with a temporary password (given, or made to
 * pass the pool's policy), "sent" to their email / phone as Cognito's invitation unless
 * {@code MessageAction} is SUPPRESS; RESEND sends an existing such user a new one.
 */
final class AdminCreateUser implements Operation {

    private final RunningPool pool;
    private final ManagementLimits limits;

    AdminCreateUser(RunningPool pool, ManagementLimits limits) {
        this.pool = pool;
        this.limits = limits;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        String username = UserViews.checkUsername(request.required("Username"));
        Map<String, String> attributes = UserViews.checkAttributes(request.attributes("UserAttributes"), limits, Map.of());
        String action = request.optional("MessageAction");
        if (action != null && !action.equals("SUPPRESS") && !action.equals("RESEND")) {
            throw CognitoError.invalidParameter("1 validation error detected: Value '" + action + "' at 'messageAction'"
                    + " failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]");
        }
        String password = request.optional("TemporaryPassword");
        if (password != null) {
            pool.policy().check(password);
        } else {
            password = pool.policy().temporaryPassword(pool.services().random());
        }
        PoolUser user;
        if ("RESEND".equals(action)) {
            user = UserViews.find(pool.services(), username);
            if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
                throw new CognitoError("UnsupportedUserStateException", "Resend not possible. " + username
                        + " status is not FORCE_CHANGE_PASSWORD");
            }
            user.setPassword(pool.passwords().verifier(user.username(), password), UserStatus.FORCE_CHANGE_PASSWORD);
        } else {
            user = new PoolUser(username, UUID.randomUUID().toString(), attributes, UserStatus.FORCE_CHANGE_PASSWORD,
                    pool.passwords().verifier(username, password), true, false, false, null, null, List.of());
            // The admin's user is created FORCE_CHANGE_PASSWORD whatever the trigger says; its verify flags count.
            SignUpTriggers.Decision decision = pool.signUpTriggers().preSignUp(user, SignUpTriggers.NO_CLIENT,
                    SignUpTriggers.SignUpSource.ADMIN_CREATE_USER, request.attributes("ValidationData"),
                    request.map("ClientMetadata"));
            pool.services().users().create(user, "User account already exists");
            pool.services().users().update(user, SignUp.verified(user, decision));
        }
        user.stamp(pool.services().clock().instant());
        if (!"SUPPRESS".equals(action)) {
            invite(user, password, request.strings("DesiredDeliveryMediums"), request.map("ClientMetadata"));
        }
        pool.services().log().step("AdminCreateUser " + user.username() + " in " + pool.poolId());
        ObjectNode response = pool.services().json().createObjectNode();
        response.set("User", UserViews.listed(pool.services().json(), user, "Attributes", null));
        return response;
    }

    /** The invitation, to each asked-for medium (Cognito's default: SMS) the user has an attribute for. */
    private void invite(PoolUser user, String password, List<String> mediums, Map<String, String> clientMetadata) {
        for (String medium : mediums == null ? List.of("SMS") : mediums) {
            boolean sms = switch (medium) {
                case "SMS" -> true;
                case "EMAIL" -> false;
                default -> throw new CognitoError(ErrorType.INVALID_PARAMETER, "DesiredDeliveryMediums must be SMS or EMAIL.");
            };
            String destination = user.attributes().get(sms ? "phone_number" : "email");
            if (destination != null) {
                pool.codes().send(user, sms, destination, password, "AdminCreateUser", CustomMessages.Occasion.noClient(
                        CustomMessages.Source.ADMIN_CREATE_USER, clientMetadata));
            }
        }
    }
}
