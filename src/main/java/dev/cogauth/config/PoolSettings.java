package dev.cogauth.config;

import dev.cogauth.protocol.AuthFlow;

/**
 * What one source (a config file, the command-line flags) says about the pool; every field may
 * be null. Values are checked where they are read, so each source names its own mistakes.
 */
public record PoolSettings(String poolId, String clientId, String clientSecret, String region,
                           String endpoint, AuthFlow authFlow, String identityPoolId) {

    public static PoolSettings empty() {
        return new PoolSettings(null, null, null, null, null, null, null);
    }

    /**
     * Settings from the command-line flags, checked and named after the flag, e.g.
     * {@code "--pool-id: must look like <region>_<id>, ..."}. Every argument may be null (flag not
     * given). There is no client secret flag on purpose: command lines end up in shell
     * history and process lists.
     */
    public static PoolSettings fromFlags(String poolId, String clientId, String region, String endpointUrl,
                                         String authFlow, String identityPoolId) throws ConfigException {
        return new PoolSettings(
                checkFlag("--pool-id", poolId, SettingRules::poolId),
                checkFlag("--client-id", clientId, SettingRules::clientId),
                null,
                checkFlag("--region", region, SettingRules::region),
                checkFlag("--endpoint-url", endpointUrl, SettingRules::endpoint),
                authFlow == null ? null : SettingRules.authFlow(authFlow, "--auth-flow", null),
                checkFlag("--identity-pool-id", identityPoolId, SettingRules::identityPoolId));
    }

    /** These settings with every non-null field of {@code higher} put in place of ours. */
    public PoolSettings overriddenBy(PoolSettings higher) {
        return new PoolSettings(
                pick(higher.poolId, poolId),
                pick(higher.clientId, clientId),
                pick(higher.clientSecret, clientSecret),
                pick(higher.region, region),
                pick(higher.endpoint, endpoint),
                pick(higher.authFlow, authFlow),
                pick(higher.identityPoolId, identityPoolId));
    }

    /** Like the record's own, but the client secret only shows whether there is one. */
    @Override
    public String toString() {
        return "PoolSettings[poolId=" + poolId + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "null" : "***")
                + ", region=" + region + ", endpoint=" + endpoint + ", authFlow=" + authFlow
                + ", identityPoolId=" + identityPoolId + "]";
    }

    private static String checkFlag(String flag, String value, SettingRules.Rule rule) throws ConfigException {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new ConfigException(null, flag, "must not be empty");
        }
        var problem = rule.problemWith(value);
        if (problem.isPresent()) {
            throw new ConfigException(null, flag, problem.get());
        }
        return value;
    }

    private static <T> T pick(T higher, T lower) {
        return higher != null ? higher : lower;
    }
}
