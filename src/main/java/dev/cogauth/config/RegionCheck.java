package dev.cogauth.config;

import dev.cogauth.protocol.PoolId;
import java.util.Optional;

/**
 * A pool id starts with its pool's region, and sign-in calls go to that region's endpoint; a
 * region that disagrees with the pool id can only end in a confusing "client does not exist".
 */
final class RegionCheck {

    private RegionCheck() {
    }

    /** The problem when {@code region} (may be null) contradicts {@code poolId}, else empty. */
    static Optional<String> problem(String region, String poolId, String poolIdName) {
        if (region == null || region.equals(PoolId.regionOfUserPool(poolId))) {
            return Optional.empty();
        }
        return Optional.of(SettingRules.echo(region) + " does not match " + poolIdName + " " + poolId
                + " (a pool id starts with its region)");
    }

    static void matchesPoolId(JsonSection section, String regionField, String region,
                              String poolIdField, String poolId) throws ConfigException {
        Optional<String> problem = problem(region, poolId, poolIdField);
        if (problem.isPresent()) {
            throw section.problem(regionField, problem.get());
        }
    }
}
