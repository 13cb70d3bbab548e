package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;

/** ConfirmForgotPassword: the reset code and a new password within the pool's policy; the user is CONFIRMED after. */
final class ConfirmForgotPassword implements Operation {

    private final RunningPool pool;

    ConfirmForgotPassword(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        String username = request.required("Username");
        String clientId = ClientCalls.client(pool, request, username).clientId();
        String code = request.required("ConfirmationCode");
        String password = request.required("Password");
        PoolUser user = ClientCalls.user(pool, username);
        pool.policy().check(password);
        synchronized (user) {
            PendingCode.check(user.resetCode(), code, pool.services().clock().instant(), user::setResetCode);
            user.setPassword(pool.passwords().verifier(user.username(), password),
                    user.status() == UserStatus.UNCONFIRMED ? UserStatus.UNCONFIRMED : UserStatus.CONFIRMED);
        }
        user.stamp(pool.services().clock().instant());
        pool.services().log().step("ConfirmForgotPassword " + user.username());
        pool.signUpTriggers().postConfirmation(user, clientId, SignUpTriggers.ConfirmSource.CONFIRM_FORGOT_PASSWORD,
                request.map("ClientMetadata"));
        return pool.services().json().createObjectNode();
    }
}
