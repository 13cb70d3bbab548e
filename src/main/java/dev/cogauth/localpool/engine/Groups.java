package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.ErrorType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A pool's groups (CreateGroup), at most {@code maxGroups}; users hold their memberships. */
final class Groups {

    /** One group as CreateGroup describes it; {@code precedence} null when not given. */
    record Group(String name, String description, Integer precedence, String roleArn, Instant created) {
        ObjectNode toJson(ObjectMapper json, String poolId) {
            ObjectNode view = json.createObjectNode().put("GroupName", name).put("UserPoolId", poolId);
            if (description != null) {
                view.put("Description", description);
            }
            if (roleArn != null) {
                view.put("RoleArn", roleArn);
            }
            if (precedence != null) {
                view.put("Precedence", precedence);
            }
            double at = UserViews.epochSeconds(created);
            return view.put("LastModifiedDate", at).put("CreationDate", at);
        }
    }

    private final int maxGroups;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    Groups(int maxGroups) {
        this.maxGroups = maxGroups;
    }

    synchronized Group create(Group group) {
        if (groups.containsKey(group.name())) {
            throw new CognitoError("GroupExistsException", "A group with the name " + group.name() + " already exists.");
        }
        if (groups.size() >= maxGroups) {
            throw new CognitoError(ErrorType.LIMIT_EXCEEDED, "The local pool holds at most " + maxGroups + " groups per user pool.");
        }
        groups.put(group.name(), group);
        return group;
    }

    synchronized Optional<Group> find(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    synchronized List<Group> all() {
        return List.copyOf(groups.values());
    }

    synchronized void delete(String name) {
        groups.remove(name);
    }

    Group require(String name) {
        return find(name).orElseThrow(() -> new CognitoError(ErrorType.RESOURCE_NOT_FOUND, "Group not found."));
    }
}
