package dev.cogauth.config;

import java.util.List;

/**
 * The Amplify Gen 2 layout ({@code amplify_outputs.json}): snake_case fields under {@code auth}.
 * The other fields there (MFA, password policy, OAuth, ...) do not change how cogauth signs in.
 */
final class AmplifyOutputsLayout {

    private AmplifyOutputsLayout() {
    }

    /** The fields cogauth reads; the section has many others, which a near miss of these is not. */
    private static final List<String> FIELDS = List.of("user_pool_id", "user_pool_client_id", "aws_region",
            "identity_pool_id", "authentication_flow_type");

    static PoolSettings read(JsonSection auth) throws ConfigException {
        auth.warnAboutNearMisses(FIELDS);
        String poolId = auth.requiredString("user_pool_id", SettingRules::poolId);
        String clientId = auth.requiredString("user_pool_client_id", SettingRules::clientId);
        String region = auth.string("aws_region", SettingRules::region).orElse(null);
        RegionCheck.matchesPoolId(auth, "aws_region", region, "user_pool_id", poolId);
        String identityPoolId = auth.string("identity_pool_id", SettingRules::identityPoolId).orElse(null);
        return new PoolSettings(poolId, clientId, null, region, null,
                auth.authFlow("authentication_flow_type").orElse(null), identityPoolId);
    }
}
