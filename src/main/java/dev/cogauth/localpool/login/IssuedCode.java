package dev.cogauth.localpool.login;

/** What an authorization code stands for: a signed-in user and the request it answers. */
record IssuedCode(String username, PendingSignIn request) {
}
