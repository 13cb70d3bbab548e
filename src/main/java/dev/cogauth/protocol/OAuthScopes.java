package dev.cogauth.protocol;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the managed login's scopes mean for the tokens, as Cognito's authorize endpoint documents
 * it (Amazon Cognito Developer Guide, "The redirect and authorization endpoint", parameter
 * {@code scope}): "An ID token is only returned if openid scope is requested" and "The phone,
 * email, and profile scopes can only be requested if openid scope is also requested". So a
 * sign-in that asks for only {@code aws.cognito.signin.user.admin} or a resource server's custom
 * scopes ends with an access (and refresh) token and no ID token.
 */
public final class OAuthScopes {
    public static final String OPENID = "openid";
    /** The scopes that only choose the ID token's (and userInfo's) claims, so mean nothing without openid. */
    public static final List<String> NEED_OPENID = List.of("email", "phone", "profile");

    private OAuthScopes() {
    }

    /** Whether these scopes get an ID token. */
    public static boolean issueIdToken(Collection<String> scopes) {
        return scopes.contains(OPENID);
    }

    /** The first of email, phone and profile asked for without openid; empty when the scopes are fine. */
    public static Optional<String> withoutOpenid(Collection<String> scopes) {
        if (scopes.contains(OPENID)) {
            return Optional.empty();
        }
        return NEED_OPENID.stream().filter(scopes::contains).findFirst();
    }
}
