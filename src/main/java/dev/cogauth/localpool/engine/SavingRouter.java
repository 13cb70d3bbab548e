package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pools' router with {@code --state}: after each call that succeeded (reads aside), the state
 * file is written if what it keeps changed. Snapshot and write happen under one lock, so a later
 * snapshot is never overwritten by an earlier one.
 */
final class SavingRouter implements PoolRouter {

    /** Calls that change nothing the state keeps: not even snapshotted (a Get*'s code in flight is not kept). */
    private static final Pattern READS = Pattern.compile("(Admin)?(Describe|List|Get)[A-Za-z]*");

    private final ObjectMapper json;
    private final PoolDirectory directory;
    private final StateFile state;
    private final IdentityStore identities;

    SavingRouter(ObjectMapper json, PoolDirectory directory, IdentityStore identities, StateFile state) {
        this.json = json;
        this.directory = directory;
        this.identities = identities;
        this.state = state;
    }

    /** Writes what the pools hold now (also when the pool stops: a managed login's federated user joins without a call). */
    synchronized void save() {
        state.write(PoolState.snapshot(json, directory, identities).toPrettyString() + System.lineSeparator());
    }

    @Override
    public boolean knows(String name) {
        return directory.knows(name);
    }

    @Override
    public Operation route(String name, JsonRequest request) {
        Operation operation = directory.route(name, request);
        if (operation == null || READS.matcher(name).matches()) {
            return operation;
        }
        return given -> {
            ObjectNode response = operation.handle(given);
            save();
            return response;
        };
    }

    /**
     * The identity service's operations, each that can make an identity pool or an identity
     * (CreateIdentityPool, GetId) followed by a save as the user pools' are.
     */
    Map<String, Operation> saving(Map<String, Operation> identityOperations) {
        Map<String, Operation> wrapped = new LinkedHashMap<>(identityOperations);
        for (String name : List.of("CreateIdentityPool", "GetId")) {
            Operation operation = wrapped.get(name);
            if (operation != null) {
                wrapped.put(name, given -> {
                    ObjectNode response = operation.handle(given);
                    save();
                    return response;
                });
            }
        }
        return wrapped;
    }

    @Override
    public Optional<ObjectNode> document(String path) {
        return directory.document(path);
    }
}
