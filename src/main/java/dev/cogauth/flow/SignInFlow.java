package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.CognitoApi;
import dev.cogauth.protocol.AuthFlow;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole sign-in exchange: InitiateAuth, then one handler per challenge, for as many
 * rounds as the pool sends, until tokens arrive or the pool refuses. Pure over its ports:
 * the Cognito API, the prompter, a clock and a random source.
 */
public final class SignInFlow {
    private final CognitoApi api;
    private final Prompter prompter;
    private final Trace trace;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, ChallengeHandler> handlers = Map.ofEntries(
            Map.entry(ChallengeName.PASSWORD_VERIFIER, new PasswordVerifierHandler()),
            Map.entry(ChallengeName.CUSTOM_CHALLENGE, new CustomChallengeHandler()),
            Map.entry(ChallengeName.NEW_PASSWORD_REQUIRED, new NewPasswordHandler()),
            Map.entry(ChallengeName.SMS_MFA, new MfaCodeHandler("SMS code")),
            Map.entry(ChallengeName.EMAIL_OTP, new MfaCodeHandler("Email code")),
            Map.entry(ChallengeName.SMS_OTP, new MfaCodeHandler("SMS code")),
            Map.entry(ChallengeName.SOFTWARE_TOKEN_MFA, new SoftwareTokenHandler()),
            Map.entry(ChallengeName.SELECT_MFA_TYPE, new SelectMfaTypeHandler()),
            Map.entry(ChallengeName.SELECT_CHALLENGE, new SelectChallengeHandler()),
            Map.entry(ChallengeName.WEB_AUTHN, new PasskeyHandler()),
            Map.entry(ChallengeName.MFA_SETUP, new MfaSetupHandler()),
            Map.entry(ChallengeName.DEVICE_SRP_AUTH, new DeviceSrpHandler()),
            Map.entry(ChallengeName.DEVICE_PASSWORD_VERIFIER, new DevicePasswordVerifierHandler()));

    public SignInFlow(CognitoApi api, Prompter prompter, Trace trace, Clock clock, SecureRandom random) {
        this.api = api;
        this.prompter = prompter;
        this.trace = trace;
        this.clock = clock;
        this.random = random;
    }

    public AuthenticationResult signIn(SignInSettings settings) {
        String username = settings.username()
                .orElseGet(() -> prompter.ask(Prompt.of(PromptKind.USERNAME, "Username")).trim());
        if (username.isEmpty()) {
            throw new InputUnavailableException("an empty username was given");
        }
        Exchange exchange = new Exchange(api, prompter, settings, trace, clock, random, username);

        AuthStep step = exchange.initiate(initialParameters(settings.authFlow(), exchange));
        while (step.challengeName() != null) {
            exchange.learnUsername(step);
            ChallengeHandler handler = handlers.get(step.challengeName());
            if (handler == null) {
                throw new UnsupportedChallengeException("the pool asked for challenge " + step.challengeName()
                        + ", which cogauth cannot answer");
            }
            step = handler.answer(step, exchange);
        }
        return step.result();
    }

    private static Map<String, String> initialParameters(AuthFlow flow, Exchange exchange) {
        Map<String, String> parameters = new LinkedHashMap<>(exchange.responsesFor(exchange.username()));
        switch (flow) {
            case CUSTOM_WITH_SRP -> {
                parameters.put(Param.SRP_A, exchange.srpPublicKeyHex());
                parameters.put(Param.CHALLENGE_NAME, ChallengeName.SRP_A);
            }
            case USER_SRP_AUTH -> parameters.put(Param.SRP_A, exchange.srpPublicKeyHex());
            case USER_PASSWORD_AUTH -> parameters.put(Param.PASSWORD, exchange.password());
            case USER_AUTH -> exchange.settings.preferredChallenge().ifPresent(preferred ->
                    preferFirstFactor(preferred, parameters, exchange));
            case CUSTOM_WITHOUT_SRP -> { }
        }
        return parameters;
    }

    /**
     * PREFERRED_CHALLENGE, with what the factor needs in the same call (as Amplify sends it). A
     * passkey cannot be answered here, so for it the pool is asked for its offer instead: the
     * refusal can then name the factors that would work.
     */
    private static void preferFirstFactor(String preferred, Map<String, String> parameters, Exchange exchange) {
        if (!FirstFactors.usableHere(preferred)) {
            return;
        }
        parameters.put(Param.PREFERRED_CHALLENGE, preferred);
        switch (preferred) {
            case ChallengeName.PASSWORD -> parameters.put(Param.PASSWORD, exchange.password());
            case ChallengeName.PASSWORD_SRP -> parameters.put(Param.SRP_A, exchange.srpPublicKeyHex());
            default -> { }
        }
    }
}
