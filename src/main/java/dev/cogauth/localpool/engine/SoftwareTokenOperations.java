package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.ErrorType;

/**
 * AssociateSoftwareToken and VerifySoftwareToken, each with either an MFA_SETUP Session
 * (during sign-in) or an access token (a signed-in user adding an authenticator).
 */
final class SoftwareTokenOperations {

    private final PoolServices pool;

    SoftwareTokenOperations(PoolServices pool) {
        this.pool = pool;
    }

    Operation associate() {
        return request -> {
            String secret = Totp.newSecret(pool.random());
            ObjectNode response = pool.json().createObjectNode().put("SecretCode", secret);
            String accessToken = request.optional("AccessToken");
            if (accessToken != null) {
                pool.tokens().accessTokenUser(accessToken, pool.users()).associateTotp(secret);
                return response;
            }
            AuthSession session = setupSession(request);
            pool.log().step("AssociateSoftwareToken for " + session.user().username());
            return response.put("Session", pool.sessions().open(session.withPendingTotp(secret, false)));
        };
    }

    Operation verify() {
        return request -> {
            String code = request.required("UserCode");
            ObjectNode response = pool.json().createObjectNode().put("Status", "SUCCESS");
            String accessToken = request.optional("AccessToken");
            if (accessToken != null) {
                PoolUser user = pool.tokens().accessTokenUser(accessToken, pool.users());
                String secret = user.pendingTotpSecret();
                if (secret == null) {
                    throw new CognitoError(ErrorType.INVALID_PARAMETER, "User has not associated a software token.");
                }
                checkCode(secret, code);
                user.enableTotp(secret);
                return response;
            }
            String token = request.optional("Session");
            AuthSession session = setupSession(request, token);
            if (session.pendingTotpSecret() == null) {
                throw CognitoError.invalidParameter("Call AssociateSoftwareToken before VerifySoftwareToken.");
            }
            try {
                checkCode(session.pendingTotpSecret(), code);
            } catch (CognitoError e) {
                pool.sessions().restore(token, session);
                throw e;
            }
            pool.log().step("VerifySoftwareToken for " + session.user().username() + ": code accepted");
            return response.put("Session", pool.sessions().open(session.withPendingTotp(session.pendingTotpSecret(), true)));
        };
    }

    private AuthSession setupSession(JsonRequest request) {
        return setupSession(request, request.optional("Session"));
    }

    private AuthSession setupSession(JsonRequest request, String token) {
        if (token == null) {
            throw CognitoError.invalidParameter("Either AccessToken or Session must be given.");
        }
        AuthSession session = pool.sessions().take(token);
        if (!ChallengeName.MFA_SETUP.equals(session.challengeName())) {
            throw CognitoError.notAuthorized("Invalid session for the user.");
        }
        return session;
    }

    private void checkCode(String secret, String code) {
        if (!Totp.verify(secret, code, pool.clock().instant())) {
            throw new CognitoError(ErrorType.ENABLE_SOFTWARE_TOKEN_MFA, "Code mismatch and fail enable Software Token MFA");
        }
    }
}
