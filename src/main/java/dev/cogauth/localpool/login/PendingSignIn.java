package dev.cogauth.localpool.login;

import java.util.List;

/**
 * A checked {@code /oauth2/authorize} request waiting for the user to sign in; what the code
 * issued at the end is bound to.
 *
 * @param challengeMethod S256 or plain; null without PKCE
 */
record PendingSignIn(String clientId, String redirectUri, List<String> scopes, String state, String nonce,
                     String challenge, String challengeMethod) {
}
