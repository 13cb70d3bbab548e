package dev.cogauth.config;

import dev.cogauth.protocol.AuthFlow;
import dev.cogauth.protocol.PoolId;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Settles what a sign-in uses: the config file's settings overridden by the flags, defaults
 * filled in, and the whole checked for sense. Pure: the environment comes in as a map.
 */
public final class PoolConfigResolver {
    /** Where a confidential client's secret comes from when the config file has none. */
    public static final String CLIENT_SECRET_ENV = "COGAUTH_CLIENT_SECRET";
    public static final AuthFlow DEFAULT_FLOW = AuthFlow.CUSTOM_WITH_SRP;

    private PoolConfigResolver() {
    }

    /**
     * @param fromFile  what the config file says ({@link PoolSettings#empty()} without one)
     * @param fromFlags what the flags say; its client secret is ignored, there is no such flag
     * @param env       the process environment, for {@value #CLIENT_SECRET_ENV}
     */
    public static PoolConfig resolve(PoolSettings fromFile, PoolSettings fromFlags, Map<String, String> env)
            throws ConfigException {
        PoolSettings merged = fromFile.overriddenBy(fromFlags);
        if (merged.poolId() == null) {
            throw new ConfigException(null, null, "no pool id: give --pool-id or --config");
        }
        if (merged.clientId() == null) {
            throw new ConfigException(null, null, "no client id: give --client-id or --config");
        }
        // Files (and flags read with PoolSettings.fromFlags) were checked already; this catches
        // settings built any other way, naming the flag when the value came from one.
        String poolId = checked(fieldName(fromFlags.poolId(), "--pool-id", "pool id"),
                merged.poolId(), SettingRules::poolId);
        String clientId = checked(fieldName(fromFlags.clientId(), "--client-id", "client id"),
                merged.clientId(), SettingRules::clientId);
        String endpoint = merged.endpoint() == null ? null
                : checked(fieldName(fromFlags.endpoint(), "--endpoint-url", "endpoint"),
                        merged.endpoint(), SettingRules::endpoint);
        return new PoolConfig(
                poolId,
                clientId,
                clientSecret(fromFile, env),
                region(fromFile, fromFlags, poolId),
                Optional.ofNullable(endpoint).map(URI::create),
                merged.authFlow() != null ? merged.authFlow() : DEFAULT_FLOW,
                Optional.ofNullable(merged.identityPoolId()));
    }

    private static Optional<String> clientSecret(PoolSettings fromFile, Map<String, String> env) {
        if (fromFile.clientSecret() != null) {
            return Optional.of(fromFile.clientSecret());
        }
        String fromEnv = env.get(CLIENT_SECRET_ENV);
        return fromEnv == null || fromEnv.isEmpty() ? Optional.empty() : Optional.of(fromEnv);
    }

    /**
     * The flag's region, else the file's, else the pool id's prefix. A pool id given by flag
     * outranks the file's region: the file describes a different pool then.
     */
    private static String region(PoolSettings fromFile, PoolSettings fromFlags, String poolId) throws ConfigException {
        String region;
        if (fromFlags.region() != null) {
            region = fromFlags.region();
        } else if (fromFlags.poolId() == null && fromFile.region() != null) {
            region = fromFile.region();
        } else {
            return PoolId.regionOfUserPool(poolId);
        }
        String field = fieldName(fromFlags.region(), "--region", "region");
        checked(field, region, SettingRules::region);
        Optional<String> mismatch = RegionCheck.problem(region, poolId, "pool id");
        if (mismatch.isPresent()) {
            throw new ConfigException(null, field, mismatch.get());
        }
        return region;
    }

    private static String fieldName(String flagValue, String flag, String otherwise) {
        return flagValue != null ? flag : otherwise;
    }

    private static String checked(String field, String value, SettingRules.Rule rule) throws ConfigException {
        Optional<String> wrong = rule.problemWith(value);
        if (wrong.isPresent()) {
            throw new ConfigException(null, field, wrong.get());
        }
        return value;
    }
}
