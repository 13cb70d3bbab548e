package dev.cogauth.localpool.login;

import java.util.Map;
import java.util.Optional;

/**
 * How long {@code /oauth2/authorize}'s parameters may be. A pending sign-in keeps them for 15
 * minutes, so without a cap one request could park megabytes. Cognito documents no limit for
 * state or nonce; 2048 characters is far beyond what a real app sends (a random state or nonce is
 * 22-64), RFC 7636 caps a code challenge at 128, and Cognito's callback URLs at 1024.
 */
final class AuthorizeLimits {
    static final int MAX_LENGTH = 2048;
    private static final Map<String, Integer> SHORTER = Map.of("code_challenge", 128, "redirect_uri", 1024);

    private AuthorizeLimits() {
    }

    /** The first parameter that is too long, as "name is longer than N characters"; empty when none is. */
    static Optional<String> problem(Map<String, String> query) {
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            int max = SHORTER.getOrDefault(parameter.getKey(), MAX_LENGTH);
            if (parameter.getKey().length() > MAX_LENGTH || parameter.getValue().length() > max) {
                String name = parameter.getKey().length() > 64 ? "a parameter" : parameter.getKey();
                return Optional.of(name + " is longer than " + max + " characters");
            }
        }
        return Optional.empty();
    }
}
