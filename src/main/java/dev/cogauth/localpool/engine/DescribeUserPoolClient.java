package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;

/** DescribeUserPoolClient: the client as created or last updated; a pool file's client by its definition. */
final class DescribeUserPoolClient implements Operation {

    private final RunningPool pool;

    DescribeUserPoolClient(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        ClientDefinition client = pool.services().clients().find(request.required("ClientId"));
        ObjectNode view = pool.clientSettings().get(client.clientId());
        ObjectNode response = pool.services().json().createObjectNode();
        response.set("UserPoolClient", view != null ? view : ClientSettings.fileView(pool, client));
        return response;
    }
}
