package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;

/** ResendConfirmationCode: a new sign-up code for an UNCONFIRMED user; the old one stops working. */
final class ResendConfirmationCode implements Operation {

    private final RunningPool pool;

    ResendConfirmationCode(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        String username = request.required("Username");
        String clientId = ClientCalls.client(pool, request, username).clientId();
        PoolUser user = ClientCalls.user(pool, username);
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw CognitoError.invalidParameter("User is already confirmed.");
        }
        ObjectNode delivery = CodeDelivery.send(pool, user, "ResendConfirmationCode", false,
                new CustomMessages.Occasion(CustomMessages.Source.RESEND_CODE, clientId, request.map("ClientMetadata")));
        if (delivery == null) {
            throw CognitoError.invalidParameter("The user has no email or phone_number to send a code to.");
        }
        pool.services().log().step("ResendConfirmationCode " + user.username());
        ObjectNode response = pool.services().json().createObjectNode();
        response.set("CodeDeliveryDetails", delivery);
        return response;
    }
}
