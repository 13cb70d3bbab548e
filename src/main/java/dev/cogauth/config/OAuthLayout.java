package dev.cogauth.config;

import java.util.Optional;

/**
 * Where each config format keeps the managed login's settings: awsconfiguration.json and
 * amplifyconfiguration.json under {@code Auth.Default.OAuth} ({@code WebDomain},
 * {@code SignInRedirectURI}, {@code SignOutRedirectURI}, {@code Scopes}), or an Amplify JS
 * {@code oauth} object beside it ({@code domain}, {@code redirectSignIn}, {@code redirectSignOut},
 * {@code scope}); amplify_outputs.json under {@code auth.oauth} ({@code domain},
 * {@code redirect_sign_in_uri}, {@code redirect_sign_out_uri}, {@code scopes}). Redirect URIs may
 * be a list or one comma-separated string, as the generators write them.
 */
final class OAuthLayout {
    private static final String SECTION = "Default";

    private OAuthLayout() {
    }

    static OAuthSettings read(JsonSection root) throws ConfigException {
        if (root.has("CognitoUserPool")) {
            return mobileClient(root);
        }
        if (root.has("auth")) {
            JsonSection auth = root.requiredObject("auth");
            if (auth.has("plugins")) {
                return mobileClient(auth.requiredObject("plugins").requiredObject("awsCognitoAuthPlugin"));
            }
            Optional<JsonSection> oauth = auth.object("oauth");
            return oauth.isEmpty() ? OAuthSettings.none() : read(oauth.get(), "domain", "redirect_sign_in_uri",
                    "redirect_sign_out_uri", "scopes");
        }
        return OAuthSettings.none();
    }

    private static OAuthSettings mobileClient(JsonSection top) throws ConfigException {
        Optional<JsonSection> auth = top.object("Auth");
        Optional<JsonSection> authDefault = auth.isEmpty() ? Optional.empty() : auth.get().object(SECTION);
        Optional<JsonSection> oauth = authDefault.isEmpty() ? Optional.empty() : authDefault.get().object("OAuth");
        if (oauth.isPresent()) {
            return read(oauth.get(), "WebDomain", "SignInRedirectURI", "SignOutRedirectURI", "Scopes");
        }
        Optional<JsonSection> js = top.object("oauth");
        return js.isEmpty() ? OAuthSettings.none()
                : read(js.get(), "domain", "redirectSignIn", "redirectSignOut", "scope");
    }

    private static OAuthSettings read(JsonSection oauth, String domain, String signIn, String signOut, String scopes)
            throws ConfigException {
        return new OAuthSettings(oauth.string(domain, any -> Optional.empty()), oauth.strings(signIn),
                oauth.strings(signOut), oauth.strings(scopes));
    }
}
