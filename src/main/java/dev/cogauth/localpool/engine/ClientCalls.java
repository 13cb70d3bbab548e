package dev.cogauth.localpool.engine;

import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.protocol.ErrorType;
import java.util.List;

/** What the public (client id, no credentials) user calls check first: the client, its secret hash, the user. */
final class ClientCalls {

    private ClientCalls() {
    }

    /** The request's client, its {@code SecretHash} checked for {@code username}. */
    static ClientDefinition client(RunningPool pool, JsonRequest request, String username) {
        ClientDefinition client = pool.services().clients().find(request.required("ClientId"));
        ClientRegistry.checkSecretHash(client, request.optional("SecretHash"), List.of(username));
        return client;
    }

    /** The named user, or Cognito's answer for the public calls when there is none. */
    static PoolUser user(RunningPool pool, String username) {
        return pool.services().users().find(username).orElseThrow(() ->
                new CognitoError(ErrorType.USER_NOT_FOUND, "Username/client id combination not found."));
    }
}
