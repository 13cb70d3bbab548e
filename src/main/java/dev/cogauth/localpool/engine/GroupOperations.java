package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** GetGroup, ListGroups (one page: a pool holds at most a hundred) and DeleteGroup (its members leave it). */
final class GroupOperations {

    private final RunningPool pool;

    GroupOperations(RunningPool pool) {
        this.pool = pool;
    }

    Operation getGroup() {
        return request -> {
            request.required("UserPoolId");
            ObjectNode response = pool.services().json().createObjectNode();
            response.set("Group", pool.groups().require(request.required("GroupName")).toJson(pool.services().json(), pool.poolId()));
            return response;
        };
    }

    Operation listGroups() {
        return request -> {
            request.required("UserPoolId");
            ObjectNode response = pool.services().json().createObjectNode();
            ArrayNode groups = response.putArray("Groups");
            pool.groups().all().forEach(group -> groups.add(group.toJson(pool.services().json(), pool.poolId())));
            return response;
        };
    }

    Operation deleteGroup() {
        return request -> {
            request.required("UserPoolId");
            Groups.Group group = pool.groups().require(request.required("GroupName"));
            pool.groups().delete(group.name());
            pool.services().users().all().forEach(user -> user.leaveGroup(group.name()));
            pool.services().log().step("DeleteGroup " + group.name());
            return pool.services().json().createObjectNode();
        };
    }
}
