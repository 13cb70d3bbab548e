package dev.cogauth.tokens;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.CognitoApi;
import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.api.SoftwareTokenAssociation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A pool that knows refresh tokens and issues one-hour tokens for them. {@link Kind#ROTATING}
 * answers GetTokensFromRefreshToken with a new refresh token each time and, like Cognito, has
 * REFRESH_TOKEN_AUTH disabled; {@link Kind#LEGACY} does not know GetTokensFromRefreshToken (moto).
 * Records every call.
 */
final class FakeRefreshPool implements CognitoApi {
    final List<String> calls = new ArrayList<>();
    final List<Map<String, String>> parameters = new ArrayList<>();
    final Set<String> validRefreshTokens = new HashSet<>();
    /** When set, every refresh is refused with this NotAuthorizedException message (a bad client secret). */
    String secretRefusal;
    /** When set, its refreshes answer without an ID token (as for a browser sign-in without openid). */
    boolean withoutIdToken;
    /** How long the tokens it issues live. */
    Duration lifetime = Duration.ofHours(1);
    private final Clock clock;
    private final Kind kind;

    enum Kind { PLAIN, ROTATING, LEGACY }

    FakeRefreshPool(Clock clock, Kind kind) {
        this.clock = clock;
        this.kind = kind;
    }

    @Override
    public AuthStep initiateAuth(String authFlow, Map<String, String> authParameters, Map<String, String> clientMetadata) {
        calls.add("InitiateAuth " + authFlow);
        parameters.add(Map.copyOf(authParameters));
        if (kind == Kind.ROTATING) {
            throw new CognitoServiceException("InvalidParameterException",
                    "REFRESH_TOKEN_AUTH flow not enabled for this client", 400);
        }
        check(authParameters.get("REFRESH_TOKEN"));
        return AuthStep.signedIn(tokens(null));
    }

    @Override
    public AuthenticationResult getTokensFromRefreshToken(String refreshToken, String clientSecretOrNull,
                                                          String deviceKeyOrNull) {
        calls.add("GetTokensFromRefreshToken");
        if (kind == Kind.LEGACY) {
            throw new CognitoServiceException("UnknownError", "Internal Server Error", 500);
        }
        check(refreshToken);
        if (kind == Kind.PLAIN) {
            return tokens(null);
        }
        validRefreshTokens.remove(refreshToken);
        String next = "rotated-" + UUID.randomUUID();
        validRefreshTokens.add(next);
        return tokens(next);
    }

    private AuthenticationResult tokens(String refreshToken) {
        AuthenticationResult tokens = TestTokens.result(clock.instant(), clock.instant().plus(lifetime), refreshToken);
        return withoutIdToken ? new AuthenticationResult(null, tokens.accessToken(), tokens.refreshToken(),
                tokens.expiresIn(), tokens.tokenType(), null) : tokens;
    }

    private void check(String refreshToken) {
        if (secretRefusal != null) {
            throw new CognitoServiceException("NotAuthorizedException", secretRefusal, 400);
        }
        if (!validRefreshTokens.contains(refreshToken)) {
            throw new CognitoServiceException("NotAuthorizedException", "Refresh Token has been revoked", 400);
        }
    }

    @Override
    public AuthStep respondToAuthChallenge(String challengeName, Map<String, String> challengeResponses, String session,
                                           Map<String, String> clientMetadata) {
        throw new AssertionError("not a sign-in");
    }

    @Override
    public SoftwareTokenAssociation associateSoftwareToken(String session) {
        throw new AssertionError("not a sign-in");
    }

    @Override
    public String verifySoftwareToken(String session, String userCode, String friendlyDeviceName) {
        throw new AssertionError("not a sign-in");
    }

    @Override
    public void revokeToken(String refreshToken, String clientSecretOrNull) {
        calls.add("RevokeToken");
        validRefreshTokens.remove(refreshToken);
    }

    @Override
    public void globalSignOut(String accessToken) {
        calls.add("GlobalSignOut");
        validRefreshTokens.clear();
    }

    @Override
    public boolean confirmDevice(String accessToken, String deviceKey, String saltBase64, String verifierBase64,
                                 String deviceName) {
        throw new AssertionError("not a refresh");
    }

    @Override
    public void rememberDevice(String accessToken, String deviceKey) {
        throw new AssertionError("not a refresh");
    }
}
