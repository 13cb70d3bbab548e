package dev.cogauth.it;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** A user pool on moto with one public app client, and the users and clients a test adds to it. */
final class MotoPool {
    private final CognitoIdentityProviderClient cognito;
    private final String poolId;
    private final String clientId;

    private MotoPool(CognitoIdentityProviderClient cognito, String poolId, String clientId) {
        this.cognito = cognito;
        this.poolId = poolId;
        this.clientId = clientId;
    }

    static MotoPool create(CognitoIdentityProviderClient cognito, String name) {
        String poolId = cognito.createUserPool(b -> b.poolName(name)).userPool().id();
        String clientId = createClient(cognito, poolId, name + "-public", false).clientId();
        return new MotoPool(cognito, poolId, clientId);
    }

    String poolId() {
        return poolId;
    }

    /** The public client (no secret). */
    String clientId() {
        return clientId;
    }

    /** A confidential client: its id and the secret Cognito generated. */
    AppClient addClientWithSecret(String name) {
        UserPoolClientType client = createClient(cognito, poolId, name, true);
        return new AppClient(client.clientId(), client.clientSecret());
    }

    /** A confirmed user who signs in with {@code password}. */
    void addUser(String username, String password) {
        addUserWithTemporaryPassword(username, "Temporary-1" + password);
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(username).password(password).permanent(true));
    }

    /** A user as an admin creates one: FORCE_CHANGE_PASSWORD until the first sign-in sets a new password. */
    void addUserWithTemporaryPassword(String username, String temporaryPassword) {
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username(username).temporaryPassword(temporaryPassword)
                .messageAction(MessageActionType.SUPPRESS));
    }

    /**
     * Sets up an authenticator app for the user as the user would (associate with the access
     * token, verify a code, prefer it), so that every later sign-in asks SOFTWARE_TOKEN_MFA.
     */
    Totp enableTotp(String username, String password) {
        String accessToken = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)))
                .authenticationResult().accessToken();
        String secret = cognito.associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
        Totp totp = Totp.ofBase32(secret);
        String code = totp.freshCode(Duration.ofSeconds(3));
        cognito.verifySoftwareToken(b -> b.accessToken(accessToken).userCode(code).friendlyDeviceName("test"));
        cognito.setUserMFAPreference(b -> b.accessToken(accessToken)
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
        return totp;
    }

    private static UserPoolClientType createClient(CognitoIdentityProviderClient cognito, String poolId, String name,
                                                   boolean secret) {
        return cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName(name).generateSecret(secret)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient();
    }

    /** An app client id and its secret. */
    record AppClient(String id, String secret) {
        @Override
        public String toString() {
            return "AppClient[id=" + id + "]";
        }
    }
}
