package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** AdminDeleteUser: the user goes, and with them every token of theirs (they are looked up on use). */
final class AdminDeleteUser implements Operation {

    private final RunningPool pool;

    AdminDeleteUser(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        PoolUser user = UserViews.find(pool.services(), request.required("Username"));
        pool.services().tokens().signOutEverywhere(user);
        pool.services().users().remove(user);
        pool.services().log().step("AdminDeleteUser " + user.username());
        return pool.services().json().createObjectNode();
    }
}
