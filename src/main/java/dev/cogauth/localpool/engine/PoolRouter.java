package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/** Which operation answers a request, and which GET documents exist: what {@link PoolHttpHandler} serves. */
interface PoolRouter {

    /** Whether {@code name} is an operation of the API at all (checked before the body is read). */
    boolean knows(String name);

    /** The operation for this request, of the pool it is addressed to; a {@link CognitoError} when there is none. */
    Operation route(String name, JsonRequest request);

    Optional<ObjectNode> document(String path);

    /** A fixed set of operations and documents, one pool. */
    static PoolRouter fixed(Map<String, Operation> operations, Map<String, ObjectNode> documents) {
        Map<String, Operation> ops = Map.copyOf(operations);
        Map<String, ObjectNode> docs = Map.copyOf(documents);
        return new PoolRouter() {
            @Override
            public boolean knows(String name) {
                return ops.containsKey(name);
            }

            @Override
            public Operation route(String name, JsonRequest request) {
                return ops.get(name);
            }

            @Override
            public Optional<ObjectNode> document(String path) {
                return Optional.ofNullable(docs.get(path));
            }
        };
    }
}
