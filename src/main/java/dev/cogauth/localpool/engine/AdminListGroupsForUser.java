package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** AdminListGroupsForUser: the groups a user is in (all in one page: a pool holds few). */
final class AdminListGroupsForUser implements Operation {

    private final RunningPool pool;

    AdminListGroupsForUser(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        PoolUser user = UserViews.find(pool.services(), request.required("Username"));
        ObjectNode response = pool.services().json().createObjectNode();
        ArrayNode groups = response.putArray("Groups");
        for (String name : user.groups()) {
            pool.groups().find(name).ifPresent(group -> groups.add(group.toJson(pool.services().json(), pool.poolId())));
        }
        return response;
    }
}
