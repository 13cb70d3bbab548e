package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.CognitoApi;
import dev.cogauth.protocol.Param;
import dev.cogauth.srp.SecretHash;
import dev.cogauth.srp.SrpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One sign-in in progress: the ports, the settings, and what the exchange has learnt so far. */
final class Exchange {
    /** SRP values are public but long; the trace shows their length only. */
    private static final Set<String> LONG_PARAMETERS = Set.of(Param.SRP_B, Param.SALT, Param.SECRET_BLOCK);

    final CognitoApi api;
    final Prompter prompter;
    final SignInSettings settings;
    final Trace trace;
    final Clock clock;
    /** The client half of SRP once the flow sent SRP_A (at the start, or choosing PASSWORD_SRP); null before. */
    SrpClient srp;
    final SecureRandom random;
    /** The client half of the device's SRP, from DEVICE_SRP_AUTH on; null before. */
    SrpClient deviceSrp;

    /** The USERNAME to send next: what the user typed, then what each challenge names. */
    private String username;
    private String password;
    private int customRound;
    /** How often each challenge has been asked about so far, for the answer command's "round". */
    private final Map<String, Integer> rounds = new HashMap<>();

    Exchange(CognitoApi api, Prompter prompter, SignInSettings settings, Trace trace, Clock clock,
             SecureRandom random, String username) {
        this.api = api;
        this.prompter = prompter;
        this.settings = settings;
        this.trace = trace;
        this.clock = clock;
        this.random = random;
        this.username = username;
    }

    String username() {
        return username;
    }

    /** Follows the pool's naming: an alias sign-in continues under the internal user name. */
    void learnUsername(AuthStep step) {
        String named = step.challengeParameters().get(Param.USERNAME);
        if (named != null && !named.isEmpty()) {
            username = named;
        }
    }

    /** The password, asked for at most once and only when the pool wants it. */
    String password() {
        if (password == null) {
            password = settings.presetPassword()
                    .orElseGet(() -> prompter.ask(Prompt.of(PromptKind.PASSWORD, "Password")));
        }
        return password;
    }

    int nextCustomRound() {
        return ++customRound;
    }

    /** SRP_A for a flow that proves the password by SRP: started once, when first needed. */
    String srpPublicKeyHex() {
        if (srp == null) {
            srp = SrpClient.start(random);
        }
        return srp.publicKeyHex();
    }

    /** Asks the user (or the answer command) a question about this challenge. */
    String ask(Prompt prompt, AuthStep challenge) {
        return ask(prompt, challenge.challengeName(), challenge.challengeParameters(), List.of());
    }

    /** Asks with the names on offer, for a selection. */
    String ask(Prompt prompt, String challengeName, Map<String, String> parameters, List<String> available) {
        int round = rounds.merge(challengeName, 1, Integer::sum);
        return prompter.ask(prompt.about(new PromptContext(challengeName, username, round, parameters, available)));
    }

    /**
     * A response map that starts with USERNAME, then for a client with a secret SECRET_HASH over it,
     * and with a remembered device its DEVICE_KEY.
     */
    Map<String, String> responsesFor(String responseUsername) {
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put(Param.USERNAME, responseUsername);
        settings.clientSecret().ifPresent(secret ->
                responses.put(Param.SECRET_HASH, SecretHash.compute(secret, responseUsername, settings.clientId())));
        settings.device().ifPresent(device -> responses.put(Param.DEVICE_KEY, device.deviceKey()));
        return responses;
    }

    AuthStep initiate(Map<String, String> authParameters) {
        String flow = settings.authFlow().wireName();
        trace.step("InitiateAuth " + flow + " sending " + String.join(", ", authParameters.keySet()));
        long started = System.nanoTime();
        AuthStep step = api.initiateAuth(flow, authParameters, settings.clientMetadata());
        traceAnswer(step, started);
        return step;
    }

    AuthStep respond(String challengeName, Map<String, String> responses, String session) {
        trace.step("RespondToAuthChallenge " + challengeName + " sending " + String.join(", ", responses.keySet()));
        long started = System.nanoTime();
        AuthStep step = api.respondToAuthChallenge(challengeName, responses, session, settings.clientMetadata());
        traceAnswer(step, started);
        return step;
    }

    private void traceAnswer(AuthStep step, long startedNanos) {
        long millis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        if (step.challengeName() == null) {
            trace.step("<- tokens in " + millis + " ms (expire in " + step.result().expiresIn() + " s)");
            return;
        }
        Map<String, String> shown = new TreeMap<>();
        step.challengeParameters().forEach((key, value) ->
                shown.put(key, LONG_PARAMETERS.contains(key) ? "<" + value.length() + " chars>" : value));
        trace.step("<- " + step.challengeName() + " in " + millis + " ms, parameters " + shown);
    }
}
