package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import java.util.Optional;

/**
 * ForgotPassword: a reset code "sent" to the user's email, else phone number. With
 * PreventUserExistenceErrors an unknown user gets the same answer and nothing is sent, as in Cognito.
 */
final class ForgotPassword implements Operation {

    private final RunningPool pool;

    ForgotPassword(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        String username = request.required("Username");
        ClientDefinition client = ClientCalls.client(pool, request, username);
        Optional<PoolUser> found = pool.services().users().find(username).or(() -> pool.services().signInTriggers()
                .userMigration(username, null, client.clientId(), request.map("ClientMetadata"))
                .map(migrated -> InitiateAuth.migrated(pool.services(), client.clientId(), username, null, migrated)));
        ObjectNode response = pool.services().json().createObjectNode();
        if (found.isEmpty() && client.preventUserExistenceErrors()) {
            response.set("CodeDeliveryDetails", CodeDelivery.details(pool, false, username + "@example.com"));
            return response;
        }
        PoolUser user = found.isPresent() ? found.get() : ClientCalls.user(pool, username);
        if (!user.enabled()) {
            throw CognitoError.notAuthorized("User is disabled.");
        }
        ObjectNode delivery = CodeDelivery.send(pool, user, "ForgotPassword", true, new CustomMessages.Occasion(
                CustomMessages.Source.FORGOT_PASSWORD, client.clientId(), request.map("ClientMetadata")));
        if (delivery == null) {
            throw CognitoError.invalidParameter("Cannot reset password for the user as there is no registered/verified"
                    + " email or phone_number");
        }
        pool.services().log().step("ForgotPassword " + user.username());
        response.set("CodeDeliveryDetails", delivery);
        return response;
    }
}
