package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import java.util.Locale;

/** CreateUserPoolClient: an app client with its auth flows, a generated secret if asked, token validities and OAuth settings. */
final class CreateUserPoolClient implements Operation {

    private final RunningPool pool;
    private final PoolDirectory directory;

    CreateUserPoolClient(RunningPool pool, PoolDirectory directory) {
        this.pool = pool;
        this.directory = directory;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        String name = request.required("ClientName");
        if (name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
            throw CognitoError.invalidParameter("1 validation error detected: Value at 'clientName' failed to satisfy"
                    + " constraint: Member must have length less than or equal to 128 and no control characters");
        }
        String clientId = directory.randomId(26).toLowerCase(Locale.ROOT);
        String secret = request.bool("GenerateSecret", false) ? directory.randomId(51).toLowerCase(Locale.ROOT) : null;
        ClientDefinition client = ClientSettings.define(request, clientId, secret);
        ObjectNode view = PoolViews.capped(ClientSettings.view(pool, client, request,
                UserViews.epochSeconds(pool.services().clock().instant())), directory.wiring().limits().settingsChars(),
                "a client's settings");
        pool.services().clients().add(client);
        pool.clientSettings().put(clientId, view);
        pool.services().log().step("CreateUserPoolClient " + clientId + " in " + pool.poolId());
        ObjectNode response = pool.services().json().createObjectNode();
        response.set("UserPoolClient", view);
        return response;
    }
}
