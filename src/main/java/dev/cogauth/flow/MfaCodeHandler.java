package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.protocol.CodeAnswer;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.protocol.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One code, sent back under the challenge's own key: SMS_MFA, SOFTWARE_TOKEN_MFA, and the
 * codes of the choice-based flow (EMAIL_OTP, also an MFA challenge, and SMS_OTP). The prompt
 * says where the pool sent the code, as the pool masked it. A wrong code may be typed again
 * within the same session.
 */
class MfaCodeHandler implements ChallengeHandler {
    /** Tries of one code challenge: Cognito spends the session after the third wrong code. */
    static final int CODE_ATTEMPTS = 3;
    private final String label;

    MfaCodeHandler(String label) {
        this.label = label;
    }

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        String code = askForCode(challenge, exchange);
        for (int attempt = 1; ; attempt++) {
            try {
                return respond(challenge, exchange, code);
            } catch (CognitoServiceException refused) {
                // Cognito keeps the session through a mistyped code, a few times: the user may type it again.
                if (!ErrorType.CODE_MISMATCH.equals(refused.errorType()) || attempt == CODE_ATTEMPTS) {
                    throw refused;
                }
                exchange.prompter.show("The pool refused the code: " + refused.getMessage());
                try {
                    code = askForCode(challenge, exchange);
                } catch (InputUnavailableException noMoreInput) {
                    // Piped input or --no-input has no second code: the refusal is what to report.
                    throw refused;
                }
            }
        }
    }

    String askForCode(AuthStep challenge, Exchange exchange) {
        Map<String, String> parameters = challenge.challengeParameters();
        List<String> details = new ArrayList<>();
        String destination = parameters.get(Param.CODE_DELIVERY_DESTINATION);
        if (destination != null) {
            String medium = parameters.getOrDefault(Param.CODE_DELIVERY_DELIVERY_MEDIUM, "").toLowerCase(Locale.ROOT);
            String by = medium.equals("sms") ? " by SMS" : medium.isEmpty() ? "" : " by " + medium;
            details.add("Code sent" + by + " to " + destination);
        }
        return exchange.ask(new Prompt(PromptKind.CODE, label, details, 0, false), challenge).trim();
    }

    AuthStep respond(AuthStep challenge, Exchange exchange, String code) {
        Map<String, String> responses = exchange.responsesFor(exchange.username());
        responses.put(CodeAnswer.keyFor(challenge.challengeName()).orElseThrow(), code);
        return exchange.respond(challenge.challengeName(), responses, challenge.session());
    }
}
