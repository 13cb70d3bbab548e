package dev.cogauth.flow;

import java.util.List;
import java.util.Map;

/**
 * The challenge a prompt answers, as a program answering for the user sees it.
 *
 * @param challenge  the challenge name, e.g. EMAIL_OTP, CUSTOM_CHALLENGE, SELECT_CHALLENGE
 * @param username   the user signing in, as the pool names them now
 * @param round      1 for the first question of this challenge in the sign-in, then 2, ...
 * @param parameters the challenge's public parameters
 * @param available  for selections, the names offered; empty otherwise
 */
public record PromptContext(String challenge, String username, int round, Map<String, String> parameters,
                            List<String> available) {

    public PromptContext {
        parameters = Map.copyOf(parameters);
        available = List.copyOf(available);
    }
}
