package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** SELECT_MFA_TYPE: the user picks one of MFAS_CAN_CHOOSE by number or name. */
final class SelectMfaTypeHandler implements ChallengeHandler {
    private static final int ATTEMPTS = 3;
    private static final Map<String, String> SHORT_NAMES = Map.of(
            "sms", ChallengeName.SMS_MFA, "totp", ChallengeName.SOFTWARE_TOKEN_MFA,
            "email", ChallengeName.EMAIL_OTP);

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        List<String> options = ChallengeJson.stringList(Param.MFAS_CAN_CHOOSE,
                challenge.challengeParameters().get(Param.MFAS_CAN_CHOOSE));
        if (options.isEmpty()) {
            throw new UnsupportedChallengeException("the pool sent SELECT_MFA_TYPE without MFAS_CAN_CHOOSE");
        }
        Prompt prompt = Prompt.choice("MFA method", options, null);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String typed = exchange.ask(prompt, ChallengeName.SELECT_MFA_TYPE, challenge.challengeParameters(), options);
            String chosen = choose(typed.trim(), options);
            if (chosen != null) {
                Map<String, String> responses = exchange.responsesFor(exchange.username());
                responses.put(Param.ANSWER, chosen);
                return exchange.respond(ChallengeName.SELECT_MFA_TYPE, responses, challenge.session());
            }
            exchange.prompter.show("Not one of the choices: type a number from 1 to " + options.size() + ".");
        }
        throw new InputUnavailableException("no valid MFA method chosen from " + options);
    }

    static String choose(String typed, List<String> options) {
        try {
            int index = Integer.parseInt(typed);
            return index >= 1 && index <= options.size() ? options.get(index - 1) : null;
        } catch (NumberFormatException notANumber) {
            String name = SHORT_NAMES.getOrDefault(typed.toLowerCase(Locale.ROOT), typed.toUpperCase(Locale.ROOT));
            return options.contains(name) ? name : null;
        }
    }
}
