package dev.cogauth.cli;

import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.config.PoolConfig;
import dev.cogauth.tokens.BrowserSession;
import dev.cogauth.tokens.CacheException;
import dev.cogauth.tokens.CacheKey;
import dev.cogauth.tokens.DeviceSecret;
import dev.cogauth.tokens.TokenEntry;
import dev.cogauth.tokens.TokenOwner;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;

/** A user's fresh tokens as a cache entry, and saving it: for signin, and for a sign-in a caller allowed. */
final class SignedInEntry {
    private SignedInEntry() {
    }

    /**
     * Saves the tokens under the pool's own name for the user ({@link TokenOwner}: the ID token's
     * cognito:username, or without one the access token's username; refresh's SECRET_HASH needs it),
     * remembering the typed name too. A cache that cannot be written costs the cache, not the sign-in.
     *
     * @param configFile the config file signed in with (absolute), or null
     * @return the entry, saved or not; empty when the tokens name no user
     */
    static Optional<TokenEntry> store(TokenCommands commands, PoolConfig config, String configFile, String typedName,
                                      AuthenticationResult tokens, Instant receivedAt, DeviceSecret device,
                                      BrowserSession session, PrintWriter err) {
        String poolName = TokenOwner.poolUsername(tokens.idToken(), tokens.accessToken(), config.clientId())
                .orElse(typedName);
        if (poolName == null) {
            err.println("cogauth: warning: the tokens name no user of client " + config.clientId()
                    + "; they were not cached");
            return Optional.empty();
        }
        CacheKey key = new CacheKey(config.region(), config.poolId(), config.clientId(), poolName);
        TokenEntry entry = TokenEntry.fromSignIn(key, typedName != null && !typedName.equals(poolName) ? typedName : null,
                config.endpoint().map(Object::toString).orElse(null), tokens, receivedAt, configFile,
                config.identityPoolId().orElse(null)).withDevice(device);
        if (session != null) {
            entry = entry.fromBrowser(session);
        }
        try {
            commands.cache().store(entry);
            commands.debug().accept("cached the tokens in " + commands.cache().dir().resolve(key.fileName()));
        } catch (CacheException e) {
            err.println("cogauth: warning: " + e.getMessage() + "; the tokens were not cached");
        }
        return Optional.of(entry);
    }
}
