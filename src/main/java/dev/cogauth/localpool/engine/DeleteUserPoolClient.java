package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;

/** DeleteUserPoolClient: the client goes; its tokens stop refreshing (the client is unknown from then on). */
final class DeleteUserPoolClient implements Operation {

    private final RunningPool pool;

    DeleteUserPoolClient(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        ClientDefinition client = pool.services().clients().find(request.required("ClientId"));
        pool.services().clients().remove(client.clientId());
        pool.clientSettings().remove(client.clientId());
        pool.services().log().step("DeleteUserPoolClient " + client.clientId());
        return pool.services().json().createObjectNode();
    }
}
