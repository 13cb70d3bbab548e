package dev.cogauth.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of InitiateAuth or RespondToAuthChallenge: either the next challenge
 * (name, parameters, session, and for USER_AUTH the factors the pool offers) or the tokens.
 */
public record AuthStep(String challengeName, String session, Map<String, String> challengeParameters,
                       List<String> availableChallenges, AuthenticationResult result) {

    public AuthStep {
        challengeParameters = challengeParameters == null ? Map.of() : Map.copyOf(challengeParameters);
        availableChallenges = availableChallenges == null ? List.of() : List.copyOf(availableChallenges);
    }

    public static AuthStep challenge(String name, String session, Map<String, String> parameters) {
        return new AuthStep(name, session, parameters, List.of(), null);
    }

    /** A challenge with the top-level AvailableChallenges of the choice-based flow. */
    public static AuthStep challenge(String name, String session, Map<String, String> parameters,
                                     List<String> availableChallenges) {
        return new AuthStep(name, session, parameters, availableChallenges, null);
    }

    public static AuthStep signedIn(AuthenticationResult result) {
        return new AuthStep(null, null, Map.of(), List.of(), result);
    }

    public Optional<AuthenticationResult> tokens() {
        return Optional.ofNullable(result);
    }
}
