package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** ChangePassword: a signed-in user (access token) replaces their password, proving the old one. */
final class ChangePassword implements Operation {

    private final RunningPool pool;

    ChangePassword(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        PoolUser user = pool.services().tokens().accessTokenUser(request.required("AccessToken"), pool.services().users());
        String previous = request.required("PreviousPassword");
        String proposed = request.required("ProposedPassword");
        if (!pool.passwords().matches(user, previous)) {
            throw CognitoError.incorrectPassword();
        }
        pool.policy().check(proposed);
        user.changePassword(pool.passwords().verifier(user.username(), proposed));
        user.stamp(pool.services().clock().instant());
        pool.services().log().step("ChangePassword " + user.username());
        return pool.services().json().createObjectNode();
    }
}
