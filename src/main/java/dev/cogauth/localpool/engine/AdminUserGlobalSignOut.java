package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** AdminUserGlobalSignOut: every refresh token of the user revoked, their access tokens refused from now on. */
final class AdminUserGlobalSignOut implements Operation {

    private final RunningPool pool;

    AdminUserGlobalSignOut(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        PoolUser user = UserViews.find(pool.services(), request.required("Username"));
        pool.services().tokens().signOutEverywhere(user);
        pool.services().log().step("AdminUserGlobalSignOut " + user.username());
        return pool.services().json().createObjectNode();
    }
}
