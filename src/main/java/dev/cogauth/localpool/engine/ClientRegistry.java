package dev.cogauth.localpool.engine;

import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.srp.SecretHash;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The pool's app clients, and the checks Cognito makes of a caller's client on every call. */
final class ClientRegistry {

    private final Map<String, ClientDefinition> clients = new ConcurrentHashMap<>();
    private final int maxClients;

    ClientRegistry(Collection<ClientDefinition> clients, int maxClients) {
        this.maxClients = maxClients;
        clients.forEach(client -> this.clients.put(client.clientId(), client));
    }

    /** A client created at run time (CreateUserPoolClient), within the pool's cap. */
    synchronized void add(ClientDefinition client) {
        if (clients.size() >= maxClients) {
            throw new CognitoError(ErrorType.LIMIT_EXCEEDED, "The local pool holds at most " + maxClients
                    + " app clients per user pool.");
        }
        clients.put(client.clientId(), client);
    }

    /** UpdateUserPoolClient: the same id, new settings. */
    void replace(ClientDefinition client) {
        clients.replace(client.clientId(), client);
    }

    void remove(String clientId) {
        clients.remove(clientId);
    }

    boolean has(String clientId) {
        return clients.containsKey(clientId);
    }

    /** Every client, in no particular order. */
    List<ClientDefinition> all() {
        return List.copyOf(clients.values());
    }

    ClientDefinition find(String clientId) {
        ClientDefinition client = clients.get(clientId);
        if (client == null) {
            throw new CognitoError(ErrorType.RESOURCE_NOT_FOUND, "User pool client " + clientId + " does not exist.");
        }
        return client;
    }

    /** SECRET_HASH of a secret client, computed over any of the names the caller may have used. */
    static void checkSecretHash(ClientDefinition client, String secretHash, List<String> usernames) {
        if (!client.hasSecret()) {
            return;
        }
        if (secretHash == null || secretHash.isEmpty()) {
            throw CognitoError.notAuthorized("Client " + client.clientId()
                    + " is configured for secret but secret was not received");
        }
        for (String username : usernames) {
            if (username != null && equal(SecretHash.compute(client.clientSecret(), username, client.clientId()), secretHash)) {
                return;
            }
        }
        throw CognitoError.notAuthorized("Unable to verify secret hash for client " + client.clientId());
    }

    /** The ClientSecret member of RevokeToken / GetTokensFromRefreshToken. */
    static void checkClientSecret(ClientDefinition client, String clientSecret) {
        if (!client.hasSecret()) {
            return;
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw CognitoError.notAuthorized("Client " + client.clientId()
                    + " is configured for secret but secret was not received");
        }
        if (!equal(client.clientSecret(), clientSecret)) {
            throw CognitoError.notAuthorized("Unable to verify secret hash for client " + client.clientId());
        }
    }

    private static boolean equal(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
