package dev.cogauth.cli;

import dev.cogauth.config.ConfigException;
import dev.cogauth.config.ConfigFiles;
import dev.cogauth.config.PoolConfig;
import dev.cogauth.config.PoolConfigResolver;
import dev.cogauth.config.PoolSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** Where to sign in: a config file users already have, overridden by flags (AWS CLI names where they exist). */
final class PoolOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "awsconfiguration.json, amplifyconfiguration.json or amplify_outputs.json.")
    Path config;

    @Option(names = "--pool-id", paramLabel = "ID", description = "User pool id, e.g. us-east-1_AbCdEf123.")
    String poolId;

    @Option(names = "--client-id", paramLabel = "ID", description = "App client id. Its secret, if any, comes from the config file or COGAUTH_CLIENT_SECRET.")
    String clientId;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the pool id's prefix).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Cognito endpoint to use instead of AWS's (a local pool, moto).")
    String endpointUrl;

    @Option(names = "--auth-flow", paramLabel = "FLOW", completionCandidates = AuthFlowNames.class,
            description = "CUSTOM_WITH_SRP (alias CUSTOM_AUTH), CUSTOM_WITHOUT_SRP, USER_SRP_AUTH, USER_PASSWORD_AUTH "
                    + "or USER_AUTH (choice-based: a code by email or SMS, or the password) "
                    + "(default: the config file's, else CUSTOM_WITH_SRP).")
    String authFlow;

    /**
     * @param base     what a profile says, below the config file and flags given here
     * @param warnings told about config file fields that look misspelt
     */
    PoolConfig resolve(Map<String, String> env, PoolSettings base, Consumer<String> warnings) throws ConfigException {
        PoolSettings fromFlags;
        try {
            fromFlags = PoolSettings.fromFlags(poolId, clientId, region, endpointUrl, authFlow, null);
        } catch (ConfigException badFlag) {
            // A malformed flag value is a usage error (2), not a bad config file (5).
            throw new UsageException(badFlag.getMessage());
        }
        if (config != null && config.toString().isEmpty()) {
            throw new UsageException("--config: the path is empty: name a config file");
        }
        PoolSettings fromFile = config == null ? base : base.overriddenBy(ConfigFiles.load(config, warnings));
        return PoolConfigResolver.resolve(fromFile, fromFlags, env);
    }

    /** No pool option given at all: commands then act on the most recent sign-in. */
    boolean isEmpty() {
        return endpointUrl == null && namesNoPool();
    }

    /** No option that names a pool or app client (an endpoint alone does not). */
    boolean namesNoPool() {
        return config == null && poolId == null && clientId == null && region == null && authFlow == null;
    }

    /** The --endpoint-url given, checked as {@link #resolve} checks it. */
    Optional<String> endpoint() {
        try {
            return Optional.ofNullable(PoolSettings.fromFlags(null, null, null, endpointUrl, null, null).endpoint());
        } catch (ConfigException badFlag) {
            throw new UsageException(badFlag.getMessage());
        }
    }
}
