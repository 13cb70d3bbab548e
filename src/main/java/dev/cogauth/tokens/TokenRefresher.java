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
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns an entry's refresh token into new tokens with GetTokensFromRefreshToken, which serves
 * clients with and without refresh token rotation, or REFRESH_TOKEN_AUTH for pools that do not
 * know that operation (older emulators; learnt once and remembered in the entry). No retries: a
 * refused refresh token means a sign-in is needed, and asking again would not change that.
 */
public final class TokenRefresher {
    /** The entry's refreshApi once GetTokensFromRefreshToken turned out to be unknown to the pool. */
    public static final String INITIATE_AUTH = "InitiateAuth";
    /** What a pool answers for an operation it does not have (moto: a bare 500; others: these types). */
    private static final Set<String> UNKNOWN_OPERATION = Set.of(
            ErrorType.UNKNOWN_OPERATION, "UnknownError", "InvalidAction", "NotImplementedException");

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
            if (INITIATE_AUTH.equals(entry.refreshApi())) {
                return viaInitiateAuth(entry, refreshToken, deviceKey);
            }
            try {
                debug.accept("refreshing with GetTokensFromRefreshToken for " + entry.key().describe());
                AuthenticationResult tokens = api.getTokensFromRefreshToken(refreshToken, clientSecret.orElse(null),
                        deviceKey);
                return entry.refreshedWith(tokens, clock.instant(), null);
            } catch (CognitoServiceException e) {
                if (!UNKNOWN_OPERATION.contains(e.errorType())) {
                    throw e;
                }
                debug.accept("the pool does not know GetTokensFromRefreshToken (" + e.errorType()
                        + "); using REFRESH_TOKEN_AUTH");
                return viaInitiateAuth(entry, refreshToken, deviceKey);
            }
        } catch (CognitoServiceException e) {
            if (ErrorType.NOT_AUTHORIZED.equals(e.errorType()) && !mentionsSecretHash(e)) {
                throw new RefreshRefusedException("the pool refused the refresh token for " + entry.key().describe()
                        + " (revoked, expired or signed out)");
            }
            throw e;
        }
    }

    private TokenEntry viaInitiateAuth(TokenEntry entry, String refreshToken, String deviceKey) {
        debug.accept("refreshing with InitiateAuth REFRESH_TOKEN_AUTH for " + entry.key().describe());
        AuthStep step = api.initiateAuth("REFRESH_TOKEN_AUTH", parameters(entry, refreshToken, deviceKey), Map.of());
        AuthenticationResult tokens = step.tokens().orElseThrow(() -> new CognitoServiceException(
                "InvalidResponse", "the pool answered the refresh with challenge " + step.challengeName(), 200));
        return entry.refreshedWith(tokens, clock.instant(), INITIATE_AUTH);
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

    /** A wrong or missing client secret is a config problem: the refresh token itself may be fine. */
    private static boolean mentionsSecretHash(CognitoServiceException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("secret hash") || message.contains("client secret");
    }
}
