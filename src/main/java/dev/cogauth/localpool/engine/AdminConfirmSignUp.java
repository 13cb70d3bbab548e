package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;

/** AdminConfirmSignUp: an UNCONFIRMED user becomes CONFIRMED without a code. */
final class AdminConfirmSignUp implements Operation {

    private final RunningPool pool;

    AdminConfirmSignUp(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        PoolUser user = UserViews.find(pool.services(), request.required("Username"));
        synchronized (user) {
            ConfirmSignUp.checkUnconfirmed(user);
            user.setStatus(UserStatus.CONFIRMED);
            user.setConfirmationCode(null);
        }
        user.stamp(pool.services().clock().instant());
        pool.services().log().step("AdminConfirmSignUp " + user.username());
        pool.signUpTriggers().postConfirmation(user, SignUpTriggers.NO_CLIENT, SignUpTriggers.ConfirmSource.CONFIRM_SIGN_UP,
                request.map("ClientMetadata"));
        return pool.services().json().createObjectNode();
    }
}
