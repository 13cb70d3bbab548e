package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.CognitoApi;
import dev.cogauth.protocol.AuthFlow;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;
import dev.cogauth.srp.SrpClient;
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
    private final Map<String, ChallengeHandler> handlers = Map.of(
            ChallengeName.PASSWORD_VERIFIER, new PasswordVerifierHandler(),
            ChallengeName.CUSTOM_CHALLENGE, new CustomChallengeHandler(),
            ChallengeName.NEW_PASSWORD_REQUIRED, new NewPasswordHandler(),
            ChallengeName.SMS_MFA, new MfaCodeHandler("SMS code", Param.SMS_MFA_CODE),
            ChallengeName.EMAIL_OTP, new MfaCodeHandler("Email code", Param.EMAIL_OTP_CODE),
            ChallengeName.SOFTWARE_TOKEN_MFA,
            new MfaCodeHandler("Authenticator app code", Param.SOFTWARE_TOKEN_MFA_CODE),
            ChallengeName.SELECT_MFA_TYPE, new SelectMfaTypeHandler(),
            ChallengeName.MFA_SETUP, new MfaSetupHandler(),
            ChallengeName.DEVICE_SRP_AUTH, new DeviceSrpHandler(),
            ChallengeName.DEVICE_PASSWORD_VERIFIER, new DevicePasswordVerifierHandler());

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
        SrpClient srp = settings.authFlow().startsWithSrp() ? SrpClient.start(random) : null;
        Exchange exchange = new Exchange(api, prompter, settings, trace, clock, srp, random, username);

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
                parameters.put(Param.SRP_A, exchange.srp.publicKeyHex());
                parameters.put(Param.CHALLENGE_NAME, ChallengeName.SRP_A);
            }
            case USER_SRP_AUTH -> parameters.put(Param.SRP_A, exchange.srp.publicKeyHex());
            case USER_PASSWORD_AUTH -> parameters.put(Param.PASSWORD, exchange.password());
            case CUSTOM_WITHOUT_SRP -> { }
        }
        return parameters;
    }
}
