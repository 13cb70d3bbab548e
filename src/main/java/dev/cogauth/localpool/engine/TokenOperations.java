package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;

/** The operations on issued tokens: GetTokensFromRefreshToken, RevokeToken, GlobalSignOut, GetUser. */
final class TokenOperations {

    private final PoolServices pool;

    TokenOperations(PoolServices pool) {
        this.pool = pool;
    }

    Operation getTokensFromRefreshToken() {
        return request -> {
            String refreshToken = request.required("RefreshToken");
            ClientDefinition client = pool.clients().find(request.required("ClientId"));
            ClientRegistry.checkClientSecret(client, request.optional("ClientSecret"));
            pool.log().step("GetTokensFromRefreshToken client " + client.clientId()
                    + (client.refreshTokenRotation() ? " (rotating)" : ""));
            ObjectNode response = pool.json().createObjectNode();
            response.set("AuthenticationResult", pool.tokens().refresh(client, refreshToken, client.refreshTokenRotation(),
                    request.optional("DeviceKey")));
            return response;
        };
    }

    Operation revokeToken() {
        return request -> {
            String token = request.required("Token");
            ClientDefinition client = pool.clients().find(request.required("ClientId"));
            ClientRegistry.checkClientSecret(client, request.optional("ClientSecret"));
            if (!client.enableTokenRevocation()) {
                throw new CognitoError("UnsupportedOperationException", "Token revocation is not enabled for this client.");
            }
            pool.tokens().revoke(client, token);
            pool.log().step("RevokeToken client " + client.clientId());
            return pool.json().createObjectNode();
        };
    }

    Operation globalSignOut() {
        return request -> {
            PoolUser user = pool.tokens().accessTokenUser(request.required("AccessToken"), pool.users());
            pool.tokens().signOutEverywhere(user);
            pool.log().step("GlobalSignOut user " + user.username());
            return pool.json().createObjectNode();
        };
    }

    Operation getUser() {
        return request -> {
            PoolUser user = pool.tokens().accessTokenUser(request.required("AccessToken"), pool.users());
            ObjectNode response = pool.json().createObjectNode().put("Username", user.username());
            ArrayNode attributes = response.putArray("UserAttributes");
            user.attributes().forEach((name, value) -> attributes.addObject().put("Name", name).put("Value", value));
            ArrayNode mfa = response.putArray("UserMFASettingList");
            SignInSteps.mfaMethods(user).forEach(mfa::add);
            if (user.preferredMfa() != null) {
                response.put("PreferredMfaSetting", user.preferredMfa());
            }
            return response;
        };
    }
}
