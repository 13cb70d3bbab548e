package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** CreateGroup: a named group with an optional description, precedence and role ARN (kept, not acted on). */
final class CreateGroup implements Operation {

    private final RunningPool pool;

    CreateGroup(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        request.required("UserPoolId");
        String name = request.required("GroupName");
        if (name.length() > 128 || !name.matches("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+")) {
            throw CognitoError.invalidParameter("1 validation error detected: Value at 'groupName' failed to satisfy"
                    + " constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        }
        String description = request.optional("Description");
        if (description != null && description.length() > 2048) {
            throw CognitoError.invalidParameter("Description is longer than 2048 characters.");
        }
        Integer precedence = request.body().has("Precedence") ? request.integer("Precedence", 0) : null;
        Groups.Group group = pool.groups().create(new Groups.Group(name, description, precedence,
                request.optional("RoleArn"), pool.services().clock().instant()));
        pool.services().log().step("CreateGroup " + name);
        ObjectNode response = pool.services().json().createObjectNode();
        response.set("Group", group.toJson(pool.services().json(), pool.poolId()));
        return response;
    }
}
