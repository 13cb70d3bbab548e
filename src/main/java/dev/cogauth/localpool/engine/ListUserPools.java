package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** ListUserPools: every pool served, the pool file's first, {@code MaxResults} (1 to 60) at a time. */
final class ListUserPools implements Operation {

    private final PoolDirectory directory;

    ListUserPools(PoolDirectory directory) {
        this.directory = directory;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        int max = PageToken.pageSize(request, "MaxResults", 0);
        String after = PageToken.decode(request.optional("NextToken"));
        List<RunningPool> page = directory.page(after, max + 1);
        ObjectNode response = directory.wiring().json().createObjectNode();
        ArrayNode pools = response.putArray("UserPools");
        page.stream().limit(max).forEach(pool -> pools.add(PoolViews.listed(directory.wiring().json(), pool)));
        if (page.size() > max) {
            response.put("NextToken", PageToken.encode(page.get(max - 1).poolId()));
        }
        return response;
    }
}
