package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import java.util.Comparator;
import java.util.List;

/** ListUserPoolClients: the pool's clients (id, name, pool), by client id, {@code MaxResults} (1 to 60) a page. */
final class ListUserPoolClients implements Operation {

    private final RunningPool pool;

    ListUserPoolClients(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        int max = PageToken.pageSize(request, "MaxResults", 60);
        String after = PageToken.decode(request.optional("NextToken"));
        List<ClientDefinition> clients = pool.services().clients().all().stream()
                .sorted(Comparator.comparing(ClientDefinition::clientId))
                .filter(client -> after == null || client.clientId().compareTo(after) > 0).toList();
        ObjectNode response = pool.services().json().createObjectNode();
        ArrayNode listed = response.putArray("UserPoolClients");
        for (ClientDefinition client : clients.subList(0, Math.min(max, clients.size()))) {
            ObjectNode settings = pool.clientSettings().get(client.clientId());
            listed.addObject().put("ClientId", client.clientId()).put("UserPoolId", pool.poolId())
                    .put("ClientName", settings != null ? settings.path("ClientName").asText() : client.clientId());
        }
        if (clients.size() > max) {
            response.put("NextToken", PageToken.encode(clients.get(max - 1).clientId()));
        }
        return response;
    }
}
