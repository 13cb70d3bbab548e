package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;

/**
 * WEB_AUTHN: a passkey assertion needs a browser or a security key's platform API, which a
 * terminal program cannot drive, so the sign-in stops with the other factors the pool named.
 */
final class PasskeyHandler implements ChallengeHandler {

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        throw FirstFactors.passkeyRefused(challenge.availableChallenges());
    }
}
