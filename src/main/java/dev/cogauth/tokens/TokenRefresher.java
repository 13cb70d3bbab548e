package dev.cogauth.tokens;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.CognitoApi;
import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.protocol.Param;
import dev.cogauth.srp.SecretHash;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns an entry's refresh token into new tokens: REFRESH_TOKEN_AUTH, or
 * GetTokensFromRefreshToken for clients that rotate refresh tokens (learnt from the pool's
 * refusal and remembered in the entry). One call, no retries: a refused refresh token means
 * a sign-in is needed, and hammering the pool would not change that.
 */
public final class TokenRefresher {
    private final CognitoApi api;
    private final Optional<String> clientSecret;
    private final Clock clock;
    private final Consumer<String> debug;

    public TokenRefresher(CognitoApi api, Optional<String> clientSecret, Clock clock, Consumer<String> debug) {
        this.api = api;
        this.clientSecret = clientSecret;
        this.clock = clock;
        this.debug = debug;
    }

    /**
     * @throws SignInNeededException    when there is no refresh token
     * @throws RefreshRefusedException  when the pool refused it (revoked, expired, signed out)
     */
    public TokenEntry refresh(TokenEntry entry) {
        String refreshToken = entry.refreshTokenIfAny().orElseThrow(() ->
                new SignInNeededException("no usable refresh token for " + entry.key().describe()));
        String deviceKey = entry.device() == null ? null : entry.device().deviceKey();
        try {
            if (entry.rotation()) {
                return rotate(entry, refreshToken, deviceKey);
            }
            try {
                debug.accept("refreshing with InitiateAuth REFRESH_TOKEN_AUTH for " + entry.key().describe());
                AuthStep step = api.initiateAuth("REFRESH_TOKEN_AUTH",
                        parameters(entry, refreshToken, deviceKey), Map.of());
                AuthenticationResult tokens = step.tokens().orElseThrow(() -> new CognitoServiceException(
                        "InvalidResponse", "the pool answered the refresh with challenge " + step.challengeName(),
                        200));
                return entry.refreshedWith(tokens, clock.instant(), false);
            } catch (CognitoServiceException e) {
                if (!mentionsRotation(e)) {
                    throw e;
                }
                debug.accept("the app client rotates refresh tokens; using GetTokensFromRefreshToken");
                return rotate(entry, refreshToken, deviceKey);
            }
        } catch (CognitoServiceException e) {
            if (ErrorType.NOT_AUTHORIZED.equals(e.errorType())) {
                throw new RefreshRefusedException("the pool refused the refresh token for " + entry.key().describe()
                        + " (revoked, expired or signed out)");
            }
            throw e;
        }
    }

    private TokenEntry rotate(TokenEntry entry, String refreshToken, String deviceKey) {
        debug.accept("refreshing with GetTokensFromRefreshToken for " + entry.key().describe());
        AuthenticationResult tokens = api.getTokensFromRefreshToken(refreshToken, clientSecret.orElse(null), deviceKey);
        return entry.refreshedWith(tokens, clock.instant(), true);
    }

    private Map<String, String> parameters(TokenEntry entry, String refreshToken, String deviceKey) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Param.REFRESH_TOKEN, refreshToken);
        // The refresh's SECRET_HASH uses the pool's own name for the user, which the key holds.
        clientSecret.ifPresent(secret -> parameters.put(Param.SECRET_HASH,
                SecretHash.compute(secret, entry.key().username(), entry.key().clientId())));
        if (deviceKey != null) {
            parameters.put(Param.DEVICE_KEY, deviceKey);
        }
        return parameters;
    }

    /** Cognito refuses REFRESH_TOKEN_AUTH for rotating clients with a message that says so. */
    private static boolean mentionsRotation(CognitoServiceException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("rotation") || message.contains("gettokensfromrefreshtoken");
    }
}
