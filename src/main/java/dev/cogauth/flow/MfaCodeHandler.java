package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.protocol.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SMS_MFA, EMAIL_OTP and SOFTWARE_TOKEN_MFA: one code, sent back under the challenge's own key. */
final class MfaCodeHandler implements ChallengeHandler {
    private final String label;
    private final String responseKey;

    MfaCodeHandler(String label, String responseKey) {
        this.label = label;
        this.responseKey = responseKey;
    }

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        Map<String, String> parameters = challenge.challengeParameters();
        List<String> details = new ArrayList<>();
        String destination = parameters.get(Param.CODE_DELIVERY_DESTINATION);
        if (destination != null) {
            String medium = parameters.getOrDefault(Param.CODE_DELIVERY_DELIVERY_MEDIUM, "").toLowerCase();
            details.add("Code sent" + (medium.isEmpty() ? "" : " by " + medium) + " to " + destination);
        }
        String code = exchange.prompter.ask(new Prompt(PromptKind.CODE, label, details, 0, false)).trim();
        Map<String, String> responses = exchange.responsesFor(exchange.username());
        responses.put(responseKey, code);
        return exchange.respond(challenge.challengeName(), responses, challenge.session());
    }
}
