package dev.cogauth.cli;

import dev.cogauth.config.PoolConfig;
import dev.cogauth.tokens.CacheKey;
import java.util.Optional;

/** The cache entry a command acts on, and the config it was named through (none for "most recent"). */
record Target(CacheKey key, Optional<PoolConfig> config) {
}
