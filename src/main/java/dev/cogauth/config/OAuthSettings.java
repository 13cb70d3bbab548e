package dev.cogauth.config;

import java.util.List;
import java.util.Optional;

/**
 * What a config file says about the pool's managed login (hosted UI): its domain, the app's
 * registered sign-in and sign-out redirect URIs and the scopes it asks for. Any may be absent.
 */
public record OAuthSettings(Optional<String> domain, List<String> signInRedirectUris, List<String> signOutRedirectUris,
                            List<String> scopes) {

    public OAuthSettings {
        signInRedirectUris = List.copyOf(signInRedirectUris);
        signOutRedirectUris = List.copyOf(signOutRedirectUris);
        scopes = List.copyOf(scopes);
    }

    public static OAuthSettings none() {
        return new OAuthSettings(Optional.empty(), List.of(), List.of(), List.of());
    }
}
