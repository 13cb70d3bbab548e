package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** UpdateUserAttributes: a signed-in user changes their attributes; a changed email or phone gets a code to verify it. */
final class UpdateUserAttributes implements Operation {

    private final RunningPool pool;
    private final ManagementLimits limits;

    UpdateUserAttributes(RunningPool pool, ManagementLimits limits) {
        this.pool = pool;
        this.limits = limits;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        PoolUser user = pool.services().tokens().accessTokenUser(request.required("AccessToken"), pool.services().users());
        String clientId = pool.services().tokens().accessTokenClient(request.required("AccessToken"));
        Map<String, String> given = request.attributes("UserAttributes");
        Map<String, String> before = user.attributes();
        AdminUpdateUserAttributes.update(pool, user, given, limits);
        ObjectNode response = pool.services().json().createObjectNode();
        ArrayNode deliveries = response.putArray("CodeDeliveryDetailsList");
        for (String contact : new String[] {"email", "phone_number"}) {
            if (given.containsKey(contact) && !given.get(contact).equals(before.get(contact))) {
                deliveries.add(GetUserAttributeVerificationCode.send(pool, user, contact, new CustomMessages.Occasion(
                        CustomMessages.Source.UPDATE_USER_ATTRIBUTE, clientId, request.map("ClientMetadata"))));
            }
        }
        pool.services().log().step("UpdateUserAttributes " + user.username());
        return response;
    }
}
