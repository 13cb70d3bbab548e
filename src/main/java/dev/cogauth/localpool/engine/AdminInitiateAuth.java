package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.protocol.Param;
import java.util.List;
import java.util.Map;

/**
 * AdminInitiateAuth: the server-side password flow (ADMIN_USER_PASSWORD_AUTH, or its old name
 * ADMIN_NO_SRP_AUTH), allowed by the client's ALLOW_ADMIN_USER_PASSWORD_AUTH; every other flow as InitiateAuth.
 */
final class AdminInitiateAuth implements Operation {

    private final RunningPool pool;
    private final InitiateAuth initiateAuth;

    AdminInitiateAuth(RunningPool pool) {
        this.pool = pool;
        this.initiateAuth = new InitiateAuth(pool.services());
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        String flow = request.required("AuthFlow");
        if (!flow.equals("ADMIN_USER_PASSWORD_AUTH") && !flow.equals("ADMIN_NO_SRP_AUTH")) {
            return initiateAuth.handle(request);
        }
        ClientDefinition client = pool.services().clients().find(request.required("ClientId"));
        if (!client.allows("ADMIN_USER_PASSWORD_AUTH")) {
            throw CognitoError.invalidParameter("Auth flow not enabled for this client");
        }
        Map<String, String> parameters = request.map("AuthParameters");
        String username = JsonRequest.requiredParameter(parameters, Param.USERNAME);
        String password = JsonRequest.requiredParameter(parameters, Param.PASSWORD);
        ClientRegistry.checkSecretHash(client, parameters.get(Param.SECRET_HASH), List.of(username));
        PoolUser user = pool.services().users().find(username).orElseThrow(() -> client.preventUserExistenceErrors()
                ? CognitoError.incorrectPassword() : new CognitoError(ErrorType.USER_NOT_FOUND, "User does not exist."));
        if (!user.enabled()) {
            throw CognitoError.notAuthorized("User is disabled.");
        }
        pool.services().signInTriggers().preAuthentication(user, client.clientId(), request.map("ClientMetadata"));
        if (!pool.passwords().matches(user, password)) {
            throw CognitoError.incorrectPassword();
        }
        pool.services().log().step("AdminInitiateAuth " + flow + " client " + client.clientId() + " user " + user.username());
        SignInSteps steps = pool.services().steps();
        return steps.afterPassword(client, user, steps.device(user, parameters.get(Param.DEVICE_KEY)));
    }
}
