package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import java.util.List;

/**
 * CreateUserPool: a new pool beside the pool file's, with its password policy and MFA setting.
 * Triggers ({@code LambdaConfig}) are refused: the local pool runs them from the pool file only.
 * Other settings are kept and shown back by DescribeUserPool, not acted on.
 */
final class CreateUserPool implements Operation {

    private static final List<String> HANDLED = List.of("PoolName", "Policies", "MfaConfiguration", "LambdaConfig");

    private final PoolDirectory directory;

    CreateUserPool(PoolDirectory directory) {
        this.directory = directory;
    }

    @Override
    public ObjectNode handle(JsonRequest request) {
        String name = request.required("PoolName");
        if (name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
            throw CognitoError.invalidParameter("1 validation error detected: Value at 'poolName' failed to satisfy"
                    + " constraint: Member must have length less than or equal to 128 and no control characters");
        }
        JsonNode lambdas = request.body().get("LambdaConfig");
        if (lambdas != null && lambdas.size() > 0) {
            throw CognitoError.invalidParameter("The local pool runs triggers only from its pool file;"
                    + " LambdaConfig cannot be given to CreateUserPool.");
        }
        MfaMode mfa = mfa(request.optional("MfaConfiguration"));
        PasswordPolicy policy = PasswordPolicy.from(request.body().get("Policies"));
        ObjectNode settings = request.body().deepCopy();
        settings.remove(HANDLED);
        PoolViews.capped(settings, directory.wiring().limits().settingsChars(), "a pool's settings");
        RunningPool pool = directory.create(name, policy, mfa, settings);
        directory.wiring().log().step("CreateUserPool " + pool.poolId());
        ObjectNode response = directory.wiring().json().createObjectNode();
        response.set("UserPool", PoolViews.described(directory.wiring().json(), pool));
        return response;
    }

    private static MfaMode mfa(String configuration) {
        if (configuration == null) {
            return MfaMode.OFF;
        }
        try {
            return MfaMode.valueOf(configuration);
        } catch (IllegalArgumentException e) {
            throw CognitoError.invalidParameter("1 validation error detected: Value at 'mfaConfiguration' failed to"
                    + " satisfy constraint: Member must satisfy enum value set: [OFF, ON, OPTIONAL]");
        }
    }
}
