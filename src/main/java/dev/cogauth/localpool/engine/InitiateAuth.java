package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.protocol.ErrorType;
import dev.cogauth.protocol.Param;
import dev.cogauth.srp.SrpGroup;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** InitiateAuth: USER_SRP_AUTH, USER_PASSWORD_AUTH, CUSTOM_AUTH (with or without SRP_A), USER_AUTH, REFRESH_TOKEN_AUTH. */
final class InitiateAuth implements Operation {

    private static final List<String> FLOWS = List.of("USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN",
            "CUSTOM_AUTH", "ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "USER_AUTH");

    private final PoolServices pool;

    InitiateAuth(PoolServices pool) {
        this.pool = pool;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        String flow = request.required("AuthFlow");
        ClientDefinition client = pool.clients().find(request.required("ClientId"));
        Map<String, String> parameters = request.map("AuthParameters");
        if (!FLOWS.contains(flow)) {
            throw CognitoError.invalidParameter("1 validation error detected: Value '" + flow
                    + "' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: " + FLOWS);
        }
        String allowName = flow.equals("REFRESH_TOKEN") ? "REFRESH_TOKEN_AUTH" : flow;
        if (!client.allows(allowName)) {
            throw CognitoError.invalidParameter(flow + " flow not enabled for this client");
        }
        if (allowName.equals("REFRESH_TOKEN_AUTH")) {
            return refresh(client, parameters);
        }
        String username = JsonRequest.requiredParameter(parameters, Param.USERNAME);
        ClientRegistry.checkSecretHash(client, parameters.get(Param.SECRET_HASH), List.of(username));
        PoolUser user = pool.users().find(username)
                .or(() -> flow.equals("USER_PASSWORD_AUTH") ? migrate(client, username, parameters, request) : Optional.empty())
                .orElseThrow(() -> client.preventUserExistenceErrors()
                ? CognitoError.incorrectPassword()
                : new CognitoError(ErrorType.USER_NOT_FOUND, "User does not exist."));
        if (!user.enabled()) {
            throw CognitoError.notAuthorized("User is disabled.");
        }
        pool.log().step("InitiateAuth " + flow + " client " + client.clientId() + " user " + user.username()
                + (username.equals(user.username()) ? "" : " (signed in as " + username + ")"));
        // Pre Authentication sees InitiateAuth's ClientMetadata as validationData, before any password is checked.
        pool.signInTriggers().preAuthentication(user, client.clientId(), request.map("ClientMetadata"));
        SignInSteps steps = pool.steps();
        String deviceKey = steps.device(user, parameters.get(Param.DEVICE_KEY));
        switch (flow) {
            case "USER_SRP_AUTH" -> {
                return steps.passwordVerifier(client, user, srpA(parameters, true), null, deviceKey);
            }
            case "USER_PASSWORD_AUTH" -> {
                String password = JsonRequest.requiredParameter(parameters, Param.PASSWORD);
                if (!steps.passwords().matches(user, password)) {
                    throw CognitoError.incorrectPassword();
                }
                return steps.afterPassword(client, user, deviceKey);
            }
            case "CUSTOM_AUTH" -> {
                if (!steps.triggers().configured()) {
                    throw CognitoError.invalidParameter("Custom auth lambda trigger is not configured for the user pool.");
                }
                SignInSteps.checkCanSignIn(user);
                String srpA = srpA(parameters, false);
                ArrayNode history = steps.emptyHistory();
                if (srpA != null) {
                    history = steps.append(history, Param.SRP_A, true, null);
                }
                // Cognito does not hand InitiateAuth's ClientMetadata to Define or Create.
                return steps.customRound(client, user, history, srpA, Map.of(), deviceKey);
            }
            case "USER_AUTH" -> {
                return new UserAuthFlow(pool).start(client, user, parameters, deviceKey);
            }
            default -> throw CognitoError.invalidParameter("Initiate Auth method not supported.");
        }
    }

    /** A user the pool does not have, brought in by User Migration with the password they signed in with. */
    private Optional<PoolUser> migrate(ClientDefinition client, String username, Map<String, String> parameters,
                                       JsonRequest request) {
        String password = JsonRequest.requiredParameter(parameters, Param.PASSWORD);
        return pool.signInTriggers().userMigration(username, password, client.clientId(), request.map("ClientMetadata"))
                .map(migrated -> migrated(pool, client.clientId(), username, password, migrated));
    }

    /**
     * Stores a user User Migration brought in, with {@code password}, or none yet when null. Their
     * attributes pass the checks any new user's do; attributes Cognito would not store fail the call
     * as Cognito reports it, {@code UserNotFoundException: Exception migrating user in app client <id>},
     * the reason in the pool's log.
     */
    static PoolUser migrated(PoolServices pool, String clientId, String username, String password,
                             SignInTriggers.Migrated migrated) {
        try {
            UserViews.checkUsername(username);
            UserViews.checkAttributes(migrated.attributes(), ManagementLimits.DEFAULT, Map.of());
        } catch (CognitoError e) {
            pool.log().notice("trigger UserMigration's user was not created: " + e.getMessage());
            throw new CognitoError(ErrorType.USER_NOT_FOUND, "Exception migrating user in app client " + clientId);
        }
        boolean hasPassword = password != null;
        String secret = hasPassword ? password : UUID.randomUUID() + "-" + UUID.randomUUID();
        PoolUser user = new PoolUser(username, UUID.randomUUID().toString(), migrated.attributes(), migrated.status(),
                pool.steps().passwords().verifier(username, secret), hasPassword, false, false, null, null, List.of());
        user.stamp(pool.clock().instant());
        pool.users().create(user, "User already exists");
        return user;
    }

    private ObjectNode refresh(ClientDefinition client, Map<String, String> parameters) {
        String refreshToken = JsonRequest.requiredParameter(parameters, Param.REFRESH_TOKEN);
        PoolUser user = pool.tokens().refreshTokenUser(refreshToken)
                .orElseThrow(() -> CognitoError.notAuthorized("Invalid Refresh Token"));
        ClientRegistry.checkSecretHash(client, parameters.get(Param.SECRET_HASH),
                Arrays.asList(user.username(), user.sub(), parameters.get(Param.USERNAME)));
        pool.log().step("InitiateAuth REFRESH_TOKEN_AUTH client " + client.clientId() + " user " + user.username());
        ObjectNode response = pool.json().createObjectNode();
        response.putObject("ChallengeParameters");
        response.set("AuthenticationResult", pool.tokens().refresh(client, refreshToken, false,
                parameters.get(Param.DEVICE_KEY)));
        return response;
    }

    /** SRP_A as Cognito accepts it, from InitiateAuth or DEVICE_SRP_AUTH; null when optional and absent. */
    static String srpA(Map<String, String> parameters, boolean required) {
        String srpA = required ? JsonRequest.requiredParameter(parameters, Param.SRP_A) : parameters.get(Param.SRP_A);
        if (srpA != null && (!srpA.matches("[0-9a-fA-F]{1,2048}")
                || new BigInteger(srpA, 16).mod(SrpGroup.N).signum() == 0)) {
            // A ≡ 0 (mod N) would let a client force the shared secret to 0, so Cognito refuses it
            throw CognitoError.invalidParameter("SRP_A must be a hexadecimal number, not 0 modulo N.");
        }
        return srpA;
    }
}
