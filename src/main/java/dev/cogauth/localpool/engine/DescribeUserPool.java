package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** DescribeUserPool: the pool's id, name, policies and the settings it was created with. */
final class DescribeUserPool implements Operation {

    private final RunningPool pool;

    DescribeUserPool(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        ObjectNode response = pool.services().json().createObjectNode();
        response.set("UserPool", PoolViews.described(pool.services().json(), pool));
        return response;
    }
}
