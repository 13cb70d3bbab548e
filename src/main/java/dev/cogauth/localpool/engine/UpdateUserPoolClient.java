package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;

/**
 * UpdateUserPoolClient: as Cognito, the request replaces every setting (one left out returns to
 * its default); the id and secret stay.
 */
final class UpdateUserPoolClient implements Operation {

    private final RunningPool pool;
    private final ManagementLimits limits;

    UpdateUserPoolClient(RunningPool pool, ManagementLimits limits) {
        this.pool = pool;
        this.limits = limits;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        ClientDefinition old = pool.services().clients().find(request.required("ClientId"));
        ClientDefinition client = ClientSettings.define(request, old.clientId(), old.clientSecret());
        ObjectNode previous = pool.clientSettings().get(old.clientId());
        double created = previous != null ? previous.path("CreationDate").asDouble() : UserViews.epochSeconds(pool.created());
        ObjectNode view = ClientSettings.view(pool, client, request, created);
        if (!request.body().has("ClientName") && previous != null && previous.has("ClientName")) {
            view.set("ClientName", previous.get("ClientName"));
        }
        PoolViews.capped(view, limits.settingsChars(), "a client's settings");
        pool.services().clients().replace(client);
        pool.clientSettings().put(client.clientId(), view);
        pool.services().log().step("UpdateUserPoolClient " + client.clientId());
        ObjectNode response = pool.services().json().createObjectNode();
        response.set("UserPoolClient", view);
        return response;
    }
}
