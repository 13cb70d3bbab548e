package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** AdminDisableUser and AdminEnableUser: a disabled user cannot sign in ("User is disabled."). */
final class AdminSetUserEnabled implements Operation {

    private final RunningPool pool;
    private final boolean enabled;

    AdminSetUserEnabled(RunningPool pool, boolean enabled) {
        this.pool = pool;
        this.enabled = enabled;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        PoolUser user = UserViews.find(pool.services(), request.required("Username"));
        user.setEnabled(enabled);
        user.stamp(pool.services().clock().instant());
        pool.services().log().step((enabled ? "AdminEnableUser " : "AdminDisableUser ") + user.username());
        return pool.services().json().createObjectNode();
    }
}
