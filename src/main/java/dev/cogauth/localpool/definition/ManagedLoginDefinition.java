package dev.cogauth.localpool.definition;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The pool's managed login (hosted UI): each app client's OAuth settings, by client id, and the
 * pretend federated identity providers whose "sign-in" is a page of the local pool.
 */
public record ManagedLoginDefinition(Map<String, OAuthClient> clients, List<IdentityProvider> identityProviders) {

    /** Cognito's built-in provider: the pool's own users. */
    public static final String COGNITO = "COGNITO";

    public ManagedLoginDefinition {
        clients = Map.copyOf(clients);
        identityProviders = List.copyOf(identityProviders);
    }

    public static ManagedLoginDefinition none() {
        return new ManagedLoginDefinition(Map.of(), List.of());
    }

    /** The client's OAuth settings when it may use the client credentials grant (machine to machine). */
    public Optional<OAuthClient> clientCredentialsClient(String clientId) {
        return Optional.ofNullable(clients.get(clientId)).filter(client -> client.flows().contains("client_credentials"));
    }

    /** The client's OAuth settings when it may use the authorization code grant. */
    public Optional<OAuthClient> codeClient(String clientId) {
        return Optional.ofNullable(clients.get(clientId)).filter(client -> client.flows().contains("code"));
    }

    public Optional<IdentityProvider> provider(String name) {
        return identityProviders.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * One app client's CallbackURLs, LogoutURLs, AllowedOAuthFlows, AllowedOAuthScopes and
     * SupportedIdentityProviders, as Cognito names them.
     */
    public record OAuthClient(List<String> callbackUrls, List<String> logoutUrls, Set<String> flows,
                              List<String> scopes, List<String> identityProviders) {
        public OAuthClient {
            callbackUrls = List.copyOf(callbackUrls);
            logoutUrls = List.copyOf(logoutUrls);
            flows = Set.copyOf(flows);
            scopes = List.copyOf(scopes);
            identityProviders = List.copyOf(identityProviders);
        }
    }

    /** A pretend federated provider: its sign-in page asks only for an email address. */
    public record IdentityProvider(String name, String type) {
        public IdentityProvider {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }
}
