package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** AdminAddUserToGroup and AdminRemoveUserFromGroup: the user's tokens carry the group in {@code cognito:groups} from the next sign-in. */
final class AdminAddUserToGroup implements Operation {

    private final RunningPool pool;
    private final boolean add;

    AdminAddUserToGroup(RunningPool pool, boolean add) {
        this.pool = pool;
        this.add = add;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        Groups.Group group = pool.groups().require(request.required("GroupName"));
        PoolUser user = UserViews.find(pool.services(), request.required("Username"));
        if (add) {
            user.joinGroup(group.name());
        } else {
            user.leaveGroup(group.name());
        }
        pool.services().log().step((add ? "AdminAddUserToGroup " : "AdminRemoveUserFromGroup ") + user.username());
        return pool.services().json().createObjectNode();
    }
}
