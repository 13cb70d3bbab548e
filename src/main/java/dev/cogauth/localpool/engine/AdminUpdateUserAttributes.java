package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdminUpdateUserAttributes: attributes set or replaced; a changed email or phone number counts
 * as unverified unless its {@code _verified} attribute is given too, as in Cognito.
 */
final class AdminUpdateUserAttributes implements Operation {

    private final RunningPool pool;
    private final ManagementLimits limits;

    AdminUpdateUserAttributes(RunningPool pool, ManagementLimits limits) {
        this.pool = pool;
        this.limits = limits;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        PoolUser user = UserViews.find(pool.services(), request.required("Username"));
        update(pool, user, request.attributes("UserAttributes"), limits);
        pool.services().log().step("AdminUpdateUserAttributes " + user.username());
        return pool.services().json().createObjectNode();
    }

    /** Shared with UpdateUserAttributes. */
    static void update(RunningPool pool, PoolUser user, Map<String, String> given, ManagementLimits limits) {
        Map<String, String> kept = new LinkedHashMap<>(user.attributes());
        kept.keySet().removeAll(given.keySet());
        Map<String, String> changes = new LinkedHashMap<>(UserViews.checkAttributes(given, limits, kept));
        for (String contact : new String[] {"email", "phone_number"}) {
            String value = changes.get(contact);
            if (value != null && !value.equals(user.attributes().get(contact)) && !changes.containsKey(contact + "_verified")) {
                changes.put(contact + "_verified", "false");
            }
        }
        pool.services().users().update(user, changes);
        user.stamp(pool.services().clock().instant());
    }
}
