package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;

/** AdminSetUserPassword: a permanent password (CONFIRMED) or a temporary one (FORCE_CHANGE_PASSWORD), within the pool's policy. */
final class AdminSetUserPassword implements Operation {

    private final RunningPool pool;

    AdminSetUserPassword(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        String password = request.required("Password");
        boolean permanent = request.bool("Permanent", false);
        PoolUser user = UserViews.find(pool.services(), request.required("Username"));
        pool.policy().check(password);
        user.setPassword(pool.passwords().verifier(user.username(), password),
                permanent ? UserStatus.CONFIRMED : UserStatus.FORCE_CHANGE_PASSWORD);
        user.stamp(pool.services().clock().instant());
        pool.services().log().step("AdminSetUserPassword " + user.username() + (permanent ? " (permanent)" : " (temporary)"));
        return pool.services().json().createObjectNode();
    }
}
