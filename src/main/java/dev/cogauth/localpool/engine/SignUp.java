package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SignUp: an UNCONFIRMED user with the given password (checked against the pool's policy) and
 * attributes, and a confirmation code "sent" to their email, else their phone number.
 */
final class SignUp implements Operation {

    private final RunningPool pool;
    private final ManagementLimits limits;

    SignUp(RunningPool pool, ManagementLimits limits) {
        this.pool = pool;
        this.limits = limits;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        String username = UserViews.checkUsername(request.required("Username"));
        ClientCalls.client(pool, request, username);
        String password = request.required("Password");
        Map<String, String> attributes = UserViews.checkAttributes(request.attributes("UserAttributes"), limits, Map.of());
        pool.policy().check(password);
        String sub = UUID.randomUUID().toString();
        PoolUser user = new PoolUser(username, sub, attributes, UserStatus.UNCONFIRMED,
                pool.passwords().verifier(username, password), true, false, false, null, null, List.of());
        user.stamp(pool.services().clock().instant());
        pool.services().users().create(user, "User already exists");
        ObjectNode delivery = CodeDelivery.send(pool, user, "SignUp", false);
        pool.services().log().step("SignUp " + username + " in " + pool.poolId());
        ObjectNode response = pool.services().json().createObjectNode().put("UserConfirmed", false);
        if (delivery != null) {
            response.set("CodeDeliveryDetails", delivery);
        }
        return response.put("UserSub", sub);
    }
}
