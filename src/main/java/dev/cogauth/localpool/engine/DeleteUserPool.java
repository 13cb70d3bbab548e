package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** DeleteUserPool: a pool made by CreateUserPool goes, with its users and clients; the pool file's stays (refused). */
final class DeleteUserPool implements Operation {

    private final RunningPool pool;
    private final PoolDirectory directory;

    DeleteUserPool(RunningPool pool, PoolDirectory directory) {
        this.pool = pool;
        this.directory = directory;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        directory.delete(pool);
        pool.services().log().step("DeleteUserPool " + pool.poolId());
        return pool.services().json().createObjectNode();
    }
}
