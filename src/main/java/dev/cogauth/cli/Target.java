package dev.cogauth.cli;

import dev.cogauth.config.PoolConfig;
import dev.cogauth.tokens.CacheKey;
import java.util.Optional;

/**
 * The cache entry a command acts on, the config it was named through (none for "most recent"),
 * and the endpoint the user named for this command (flag, config or profile), which wins over
 * the one the entry was signed in at.
 */
record Target(CacheKey key, Optional<PoolConfig> config, Optional<String> endpoint) {
}
