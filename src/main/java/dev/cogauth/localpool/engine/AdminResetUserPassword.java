package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;

/**
 * AdminResetUserPassword: the user is RESET_REQUIRED (sign-in refused with
 * PasswordResetRequiredException) and gets a reset code for ConfirmForgotPassword.
 */
final class AdminResetUserPassword implements Operation {

    private final RunningPool pool;

    AdminResetUserPassword(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        PoolUser user = UserViews.find(pool.services(), request.required("Username"));
        if (CodeDelivery.send(pool, user, "AdminResetUserPassword", true, CustomMessages.Occasion.noClient(
                CustomMessages.Source.FORGOT_PASSWORD, request.map("ClientMetadata"))) == null) {
            throw CognitoError.invalidParameter("Cannot reset password for the user as there is no registered/verified"
                    + " email or phone_number");
        }
        user.setStatus(UserStatus.RESET_REQUIRED);
        user.stamp(pool.services().clock().instant());
        pool.services().log().step("AdminResetUserPassword " + user.username());
        return pool.services().json().createObjectNode();
    }
}
