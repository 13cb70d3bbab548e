package dev.cogauth.cli;

import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.CallTimeouts;
import dev.cogauth.api.CognitoApi;
import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.api.SdkCognitoApi;
import dev.cogauth.config.PoolConfig;
import dev.cogauth.flow.Prompter;
import dev.cogauth.flow.RememberedDevice;
import dev.cogauth.flow.SignInFlow;
import dev.cogauth.flow.SignInSettings;
import dev.cogauth.flow.Trace;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.srp.DeviceSecrets;
import dev.cogauth.tokens.DeviceSecret;
import dev.cogauth.tokens.TokenEntry;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * A user's sign-in through the exchange (SRP, custom challenges, choices, MFA, new password) with
 * whatever prompter the caller has, and the device the pool offers: what signin does without
 * --browser, and what exec-credential and credentials do when their caller allows a sign-in.
 */
final class ExchangeSignIn {
    private final CliContext context;
    private final TokenCommands commands;
    private final Trace trace;
    private final PrintWriter err;
    private final CallTimeouts timeouts;
    private final boolean rememberDevice;
    private final boolean noStore;

    /** The tokens and the device to keep with them (null for none). */
    record Result(AuthenticationResult tokens, DeviceSecret device) {
    }

    ExchangeSignIn(CliContext context, TokenCommands commands, Trace trace, PrintWriter err, CallTimeouts timeouts,
                   boolean rememberDevice, boolean noStore) {
        this.context = context;
        this.commands = commands;
        this.trace = trace;
        this.err = err;
        this.timeouts = timeouts;
        this.rememberDevice = rememberDevice;
        this.noStore = noStore;
    }

    /** @param username the user, or null to ask for one */
    Result signIn(PoolConfig config, String username, Map<String, String> clientMetadata,
                  Optional<String> preferredFactor, Optional<String> totpSecret, Prompter prompter) {
        Optional<TokenEntry> previous = noStore || username == null ? Optional.empty()
                : commands.findEntry(config, username);
        DeviceSecret knownDevice = previous.map(TokenEntry::device).orElse(null);
        SignInSettings settings = new SignInSettings(config.poolName(), config.clientId(), config.clientSecret(),
                config.authFlow(), Optional.ofNullable(username), context.env(SecretVariables.PASSWORD), clientMetadata,
                Optional.ofNullable(knownDevice).map(d -> new RememberedDevice(d.deviceKey(), d.deviceGroupKey(),
                        d.devicePassword())))
                .withFactors(preferredFactor, totpSecret);
        try (SdkCognitoApi api = SdkCognitoApi.create(config.region(), config.endpoint().orElse(null), config.clientId(),
                timeouts)) {
            SignInFlow flow = new SignInFlow(api, prompter, trace, context.clock(), context.random());
            AuthenticationResult tokens;
            try {
                tokens = flow.signIn(settings);
            } catch (CognitoServiceException e) {
                if (knownDevice == null || !ErrorType.RESOURCE_NOT_FOUND.equals(e.errorType())) {
                    throw e;
                }
                // A stale device key: the pool forgot the device. Forget it too and sign in without it.
                trace.step("the pool does not know the remembered device " + knownDevice.deviceKey()
                        + "; forgetting it and signing in again without it");
                commands.cache().update(previous.get().key(), entry -> entry == null ? null : entry.withDevice(null));
                knownDevice = null;
                tokens = flow.signIn(settings.withoutDevice());
            }
            return new Result(tokens, deviceAfter(api, tokens, knownDevice));
        }
    }

    /**
     * The device to keep. As the official clients do, a device the pool offers is confirmed
     * (ConfirmDevice, with a random password kept beside the tokens) whenever the tokens are
     * cached: a pool that tracks devices may refuse to refresh tokens of an unconfirmed one.
     * --remember-device also marks it remembered where the pool leaves that to the user. Without
     * an offer, the device the sign-in used.
     */
    private DeviceSecret deviceAfter(CognitoApi api, AuthenticationResult tokens, DeviceSecret knownDevice) {
        AuthenticationResult.NewDeviceMetadata offered = tokens.newDevice();
        if (offered == null) {
            if (rememberDevice && knownDevice == null) {
                err.println("cogauth: warning: the pool offered no device to remember (device tracking is off for"
                        + " this pool)");
            } else if (rememberDevice) {
                remember(api, tokens, knownDevice.deviceKey());
            }
            return knownDevice;
        }
        if (noStore) {
            trace.step("not confirming the device " + offered.deviceKey() + ": --no-store keeps no device secret");
            return null;
        }
        DeviceSecrets secrets = DeviceSecrets.generate(offered.deviceGroupKey(), offered.deviceKey(), context.random());
        trace.step("ConfirmDevice " + offered.deviceKey());
        boolean needsUserConfirmation = api.confirmDevice(tokens.accessToken(), offered.deviceKey(),
                secrets.saltBase64(), secrets.verifierBase64(), "cogauth" + context.env("HOSTNAME").map(h -> " on " + h)
                        .orElse(""));
        if (needsUserConfirmation && rememberDevice) {
            remember(api, tokens, offered.deviceKey());
        } else if (needsUserConfirmation) {
            trace.step("the pool remembers the device only when the user opts in (--remember-device)");
        }
        return new DeviceSecret(offered.deviceKey(), offered.deviceGroupKey(), secrets.devicePassword());
    }

    private void remember(CognitoApi api, AuthenticationResult tokens, String deviceKey) {
        trace.step("UpdateDeviceStatus " + deviceKey + " remembered");
        api.rememberDevice(tokens.accessToken(), deviceKey);
    }
}
