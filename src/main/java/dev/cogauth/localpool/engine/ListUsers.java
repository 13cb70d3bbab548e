package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** ListUsers: the pool's users in the order they were added, matching Cognito's {@code Filter}, {@code Limit} (1 to 60) a page. */
final class ListUsers implements Operation {

    private final RunningPool pool;

    ListUsers(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        int limit = PageToken.pageSize(request, "Limit", 60);
        Predicate<Map<String, String>> filter = UserFilter.parse(request.optional("Filter"));
        List<String> attributesToGet = request.strings("AttributesToGet");
        Set<String> only = attributesToGet == null ? null : new HashSet<>(attributesToGet);
        String after = PageToken.decode(request.optional("PaginationToken"));
        boolean started = after == null;
        ObjectNode response = pool.services().json().createObjectNode();
        ArrayNode users = response.putArray("Users");
        PoolUser last = null;
        for (PoolUser user : pool.services().users().all()) {
            if (!started) {
                started = user.username().equals(after);
                continue;
            }
            if (!filter.test(UserFilter.values(user))) {
                continue;
            }
            if (users.size() == limit) {
                response.put("PaginationToken", PageToken.encode(last.username()));
                break;
            }
            users.add(UserViews.listed(pool.services().json(), user, "Attributes", only));
            last = user;
        }
        return response;
    }
}
