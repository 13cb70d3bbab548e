package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.protocol.ErrorType;
import java.util.Map;

/** ConfirmSignUp: the code sent at sign-up confirms the user, and the address it went to counts as verified. */
final class ConfirmSignUp implements Operation {

    private final RunningPool pool;

    ConfirmSignUp(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        String username = request.required("Username");
        String clientId = ClientCalls.client(pool, request, username).clientId();
        String code = request.required("ConfirmationCode");
        PoolUser user = ClientCalls.user(pool, username);
        synchronized (user) {
            checkUnconfirmed(user);
            PendingCode.check(user.confirmationCode(), code, pool.services().clock().instant(), user::setConfirmationCode);
            user.setStatus(UserStatus.CONFIRMED);
        }
        String verified = user.attributes().containsKey("email") ? "email_verified" : "phone_number_verified";
        pool.services().users().update(user, Map.of(verified, "true"));
        user.stamp(pool.services().clock().instant());
        pool.services().log().step("ConfirmSignUp " + user.username());
        pool.signUpTriggers().postConfirmation(user, clientId, SignUpTriggers.ConfirmSource.CONFIRM_SIGN_UP,
                request.map("ClientMetadata"));
        return pool.services().json().createObjectNode();
    }

    static void checkUnconfirmed(PoolUser user) {
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw new CognitoError(ErrorType.NOT_AUTHORIZED, "User cannot be confirmed. Current status is " + user.status());
        }
    }
}
