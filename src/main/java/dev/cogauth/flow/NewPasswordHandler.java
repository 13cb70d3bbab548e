package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;
import java.util.List;
import java.util.Map;

/** NEW_PASSWORD_REQUIRED: a new password (confirmed on a terminal) and any required attributes still missing. */
final class NewPasswordHandler implements ChallengeHandler {

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        Map<String, String> parameters = challenge.challengeParameters();
        Map<String, String> current = ChallengeJson.stringMap(Param.USER_ATTRIBUTES, parameters.get(Param.USER_ATTRIBUTES));
        List<String> required = ChallengeJson.stringList(Param.REQUIRED_ATTRIBUTES,
                parameters.get(Param.REQUIRED_ATTRIBUTES));

        exchange.prompter.show("The pool requires a new password for " + exchange.username() + ".");
        String newPassword = exchange.prompter.ask(
                new Prompt(PromptKind.NEW_PASSWORD, "New password", List.of(), 0, true));
        Map<String, String> responses = exchange.responsesFor(exchange.username());
        responses.put(Param.NEW_PASSWORD, newPassword);
        for (String attribute : required) {
            String name = attribute.startsWith(Param.USER_ATTRIBUTES_PREFIX)
                    ? attribute.substring(Param.USER_ATTRIBUTES_PREFIX.length()) : attribute;
            String existing = current.get(name);
            if (existing == null || existing.isEmpty()) {
                String value = exchange.prompter.ask(Prompt.of(PromptKind.ATTRIBUTE, name));
                responses.put(Param.USER_ATTRIBUTES_PREFIX + name, value);
            }
        }
        return exchange.respond(ChallengeName.NEW_PASSWORD_REQUIRED, responses, challenge.session());
    }
}
