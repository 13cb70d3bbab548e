package dev.cogauth.api;

import java.util.Map;
import java.util.Optional;

/**
 * One answer of InitiateAuth or RespondToAuthChallenge: either the next challenge
 * (name, parameters, session) or the tokens.
 */
public record AuthStep(String challengeName, String session, Map<String, String> challengeParameters,
                       AuthenticationResult result) {

    public AuthStep {
        challengeParameters = challengeParameters == null ? Map.of() : Map.copyOf(challengeParameters);
    }

    public static AuthStep challenge(String name, String session, Map<String, String> parameters) {
        return new AuthStep(name, session, parameters, null);
    }

    public static AuthStep signedIn(AuthenticationResult result) {
        return new AuthStep(null, null, Map.of(), result);
    }

    public Optional<AuthenticationResult> tokens() {
        return Optional.ofNullable(result);
    }
}
