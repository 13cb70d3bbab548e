package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/** GetUserAttributeVerificationCode: a code to the user's email or phone number, for VerifyUserAttribute. */
final class GetUserAttributeVerificationCode implements Operation {

    static final Duration VALIDITY = Duration.ofHours(24);

    private final RunningPool pool;

    GetUserAttributeVerificationCode(RunningPool pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        PoolUser user = pool.services().tokens().accessTokenUser(request.required("AccessToken"), pool.services().users());
        String attribute = request.required("AttributeName");
        ObjectNode response = pool.services().json().createObjectNode();
        String clientId = pool.services().tokens().accessTokenClient(request.required("AccessToken"));
        response.set("CodeDeliveryDetails", send(pool, user, attribute, new CustomMessages.Occasion(
                CustomMessages.Source.VERIFY_USER_ATTRIBUTE, clientId, request.map("ClientMetadata"))));
        return response;
    }

    /** Sends a code to verify {@code attribute} (email or phone_number) and keeps it on the user. */
    static ObjectNode send(RunningPool pool, PoolUser user, String attribute, CustomMessages.Occasion occasion) {
        if (!attribute.equals("email") && !attribute.equals("phone_number")) {
            throw CognitoError.invalidParameter("Only email and phone_number can be verified.");
        }
        String destination = user.attributes().get(attribute);
        if (destination == null) {
            throw CognitoError.invalidParameter("The user has no " + attribute + ".");
        }
        boolean sms = attribute.equals("phone_number");
        String code = pool.codes().make(6);
        pool.codes().send(user, sms, destination, code, "VerifyUserAttribute", occasion);
        user.setAttributeCode(new PoolUser.AttributeCode(attribute,
                new PendingCode(code, pool.services().clock().instant().plus(VALIDITY), 0)));
        return CodeDelivery.details(pool, sms, destination);
    }
}
