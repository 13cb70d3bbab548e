package dev.cogauth.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A saved sign-in target: a config file and/or pool settings, and who signs in. Every field but
 * the name may be null. There is no client secret field: it stays in the config file or
 * {@code COGAUTH_CLIENT_SECRET}.
 */
public record Profile(String name, String configFile, String poolId, String clientId, String region,
                      String endpoint, String authFlow, String username, String identityPoolId, Boolean interactive) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Profile {
        Objects.requireNonNull(name, "name");
    }

    /**
     * A profile that says nothing about interactive sign-in.
     *
     * @see #interactive() whether {@code credentials} may sign in on the terminal (null: not said)
     */
    public Profile(String name, String configFile, String poolId, String clientId, String region, String endpoint,
                   String authFlow, String username, String identityPoolId) {
        this(name, configFile, poolId, clientId, region, endpoint, authFlow, username, identityPoolId, null);
    }

    /** Empty when the name is fine, else what is wrong (names become file names). */
    public static Optional<String> problemWithName(String name) {
        return NAME.matcher(name).matches() ? Optional.empty()
                : Optional.of("profile name must be 1-64 letters, digits, '.', '_' or '-', starting with a"
                        + " letter or digit");
    }

    /**
     * What this profile says about the pool: its config file's settings overridden by its own
     * fields, checked like flags.
     */
    public PoolSettings settings() throws ConfigException {
        PoolSettings fromFile = configFile == null ? PoolSettings.empty() : ConfigFiles.load(Path.of(configFile));
        PoolSettings own;
        try {
            own = PoolSettings.fromFlags(poolId, clientId, region, endpoint, authFlow, identityPoolId);
        } catch (ConfigException e) {
            throw new ConfigException("profile " + name, null, e.getMessage());
        }
        return fromFile.overriddenBy(own);
    }

    /** This profile with every non-null field of {@code changes} (except the name) put in. */
    public Profile with(Profile changes) {
        return new Profile(name, pick(changes.configFile, configFile), pick(changes.poolId, poolId),
                pick(changes.clientId, clientId), pick(changes.region, region), pick(changes.endpoint, endpoint),
                pick(changes.authFlow, authFlow), pick(changes.username, username),
                pick(changes.identityPoolId, identityPoolId), pick(changes.interactive, interactive));
    }

    private static <T> T pick(T higher, T lower) {
        return higher != null ? higher : lower;
    }
}
