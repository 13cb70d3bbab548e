package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** AdminDeleteUserAttributes: the named attributes go ({@code sub} cannot). */
final class AdminDeleteUserAttributes implements Operation {

    private final RunningPool pool;

    AdminDeleteUserAttributes(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        PoolUser user = UserViews.find(pool.services(), request.required("Username"));
        List<String> names = request.strings("UserAttributeNames");
        if (names == null) {
            throw CognitoError.missingMember("UserAttributeNames");
        }
        Map<String, String> deletions = new HashMap<>();
        for (String name : names) {
            if (name.equals("sub")) {
                throw CognitoError.invalidParameter("Cannot modify the non-mutable attribute sub");
            }
            deletions.put(name, null);
        }
        pool.services().users().update(user, deletions);
        user.stamp(pool.services().clock().instant());
        pool.services().log().step("AdminDeleteUserAttributes " + user.username());
        return pool.services().json().createObjectNode();
    }
}
