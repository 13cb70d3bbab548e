package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** AdminGetUser: a user's attributes, status, dates, whether enabled, and their MFA. */
final class AdminGetUser implements Operation {

    private final RunningPool pool;

    AdminGetUser(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        PoolUser user = UserViews.find(pool.services(), request.required("Username"));
        ObjectNode response = UserViews.listed(pool.services().json(), user, "UserAttributes", null);
        List<String> mfa = SignInSteps.mfaMethods(user);
        if (!mfa.isEmpty()) {
            ArrayNode list = response.putArray("UserMFASettingList");
            mfa.forEach(list::add);
        }
        if (user.preferredMfa() != null) {
            response.put("PreferredMfaSetting", user.preferredMfa());
        }
        return response;
    }
}
