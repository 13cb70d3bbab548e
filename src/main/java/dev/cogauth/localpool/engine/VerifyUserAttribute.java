package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** VerifyUserAttribute: the code sent for an email or phone number marks it verified. */
final class VerifyUserAttribute implements Operation {

    private final RunningPool pool;

    VerifyUserAttribute(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        PoolUser user = pool.services().tokens().accessTokenUser(request.required("AccessToken"), pool.services().users());
        String attribute = request.required("AttributeName");
        String code = request.required("Code");
        synchronized (user) {
            PoolUser.AttributeCode pending = user.attributeCode();
            PendingCode.check(pending == null || !pending.attribute().equals(attribute) ? null : pending.code(), code,
                    pool.services().clock().instant(),
                    next -> user.setAttributeCode(next == null ? null : new PoolUser.AttributeCode(attribute, next)));
        }
        pool.services().users().update(user, Map.of(attribute + "_verified", "true"));
        pool.services().log().step("VerifyUserAttribute " + attribute + " of " + user.username());
        return pool.services().json().createObjectNode();
    }
}
