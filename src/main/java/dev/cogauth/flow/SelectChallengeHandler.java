package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;
import java.util.List;
import java.util.Map;

/**
 * SELECT_CHALLENGE of the choice-based flow: the user picks one of the pool's AvailableChallenges (unless
 * only one of them can be used here: then it is taken without asking), and the reply carries what that factor needs at once (the password, or SRP_A), as Amplify sends it.
 */
final class SelectChallengeHandler implements ChallengeHandler {
    private static final int ATTEMPTS = 3;

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        List<String> offered = challenge.availableChallenges();
        if (offered.isEmpty()) {
            throw new UnsupportedChallengeException("the pool sent SELECT_CHALLENGE without AvailableChallenges");
        }
        if (exchange.settings.preferredChallenge().filter(p -> !FirstFactors.usableHere(p)).isPresent()) {
            throw FirstFactors.passkeyRefused(offered);
        }
        List<String> usable = offered.stream().filter(FirstFactors::usableHere).toList();
        if (usable.size() == 1) {
            // A menu of one (or of one beside a passkey that cannot be used) is no choice: take it.
            exchange.trace.step("the pool offered one usable factor, " + usable.get(0) + ": chosen without asking");
            return exchange.respond(ChallengeName.SELECT_CHALLENGE, responses(usable.get(0), offered, exchange),
                    challenge.session());
        }
        Prompt prompt = Prompt.choice("Sign in with", offered.stream().map(FirstFactors::menuLabel).toList(), null);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String typed = exchange.ask(prompt, ChallengeName.SELECT_CHALLENGE, challenge.challengeParameters(),
                    offered);
            String chosen = FirstFactors.choose(typed, offered);
            if (chosen != null) {
                return exchange.respond(ChallengeName.SELECT_CHALLENGE, responses(chosen, offered, exchange),
                        challenge.session());
            }
            exchange.prompter.show("Not one of the choices: type a number from 1 to " + offered.size()
                    + " or a name such as " + offered.get(0) + ".");
        }
        throw new InputUnavailableException("no valid sign-in factor chosen from " + offered);
    }

    private static Map<String, String> responses(String chosen, List<String> offered, Exchange exchange) {
        if (!FirstFactors.usableHere(chosen)) {
            throw FirstFactors.passkeyRefused(offered);
        }
        Map<String, String> responses = exchange.responsesFor(exchange.username());
        responses.put(Param.ANSWER, chosen);
        switch (chosen) {
            case ChallengeName.PASSWORD -> responses.put(Param.PASSWORD, exchange.password());
            case ChallengeName.PASSWORD_SRP -> responses.put(Param.SRP_A, exchange.srpPublicKeyHex());
            default -> { }
        }
        return responses;
    }
}
