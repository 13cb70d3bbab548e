package dev.cogauth.cli;

import dev.cogauth.config.ConfigException;
import dev.cogauth.config.ConfigFiles;
import dev.cogauth.config.PoolConfig;
import dev.cogauth.config.PoolConfigResolver;
import dev.cogauth.config.PoolSettings;
import dev.cogauth.config.Profile;
import dev.cogauth.config.ProfileStore;
import dev.cogauth.config.XdgDirs;
import dev.cogauth.tokens.CacheKey;
import dev.cogauth.tokens.FreshTokens;
import dev.cogauth.tokens.GrantedTokens;
import dev.cogauth.tokens.SignInNeededException;
import dev.cogauth.tokens.TokenCache;
import dev.cogauth.tokens.TokenEntry;
import dev.cogauth.tokens.TokenRefresher;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the commands after sign-in share: the cache and profile directories, which entry a
 * command means, the client secret for a refresh, and the refresher wiring. One per run.
 */
final class TokenCommands {
    private final CliContext context;
    private final PrintWriter err;
    private final Consumer<String> debug;
    private final TokenCache cache;

    TokenCommands(CliContext context, PrintWriter err, boolean debug) {
        this.context = context;
        this.err = err;
        this.debug = debug ? message -> err.println("debug: " + message) : message -> { };
        this.cache = new TokenCache(XdgDirs.cache(context.env(), context.home()), this::warn);
    }

    /** One "cogauth: warning: ..." line on stderr. */
    void warn(String warning) {
        err.println("cogauth: warning: " + warning);
    }

    TokenCache cache() {
        return cache;
    }

    Consumer<String> debug() {
        return debug;
    }

    ProfileStore profiles() {
        return new ProfileStore(XdgDirs.config(context.env(), context.home()));
    }

    /** The named profile's settings, or empty settings without a profile. */
    Optional<Profile> profile(ProfileOption option) throws ConfigException {
        Optional<String> name = option.name(context);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(profiles().load(name.get()).orElseThrow(() -> new ConfigException(null, "--profile",
                "no profile named '" + name.get() + "' (create it with cogauth configure --profile " + name.get() + ")")));
    }

    /**
     * Which entry the options name: with a profile or pool options, that pool's entry of the
     * given user (or of the most recent sign-in); with only a user name, that user in the most
     * recent sign-in's pool; with nothing, the most recent sign-in.
     */
    Target target(TargetOptions options) throws ConfigException {
        return target(options, new ClientCredentialsOptions());
    }

    /** As {@link #target(TargetOptions)}, or with --client-credentials the app client's own entry. */
    Target target(TargetOptions options, ClientCredentialsOptions machine) throws ConfigException {
        if (machine.requested()) {
            return clientCredentials(options, machine).target();
        }
        Optional<Profile> profile = profile(options.profile);
        if (profile.isEmpty() && options.pool.namesNoPool()) {
            Optional<String> endpoint = options.pool.endpoint();
            CacheKey current = cache.current().orElseThrow(() -> new SignInNeededException(
                    "no sign-in is cached in " + cache.dir() + " (and no --profile or pool given)"));
            CacheKey key = options.username == null ? current : find(AppClient.of(current), options.username);
            debug.accept("acting on " + (options.username == null ? "the most recent sign-in: " : "") + key.describe());
            return new Target(key, Optional.empty(), endpoint);
        }
        PoolSettings base = profile.isPresent() ? profile.get().settings() : PoolSettings.empty();
        PoolConfig config = options.pool.resolve(context.env(), base, this::warn);
        AppClient client = AppClient.of(config);
        String username = options.username != null ? options.username
                : profile.map(Profile::username).orElse(null);
        CacheKey key = username != null ? find(client, username)
                : cache.current().filter(current -> AppClient.of(current).equals(client)).orElseThrow(() ->
                        new UsageException("give --username (or save one in the profile): the most recent sign-in"
                                + " is not to this pool and client"));
        debug.accept("acting on " + key.describe());
        return new Target(key, Optional.of(config), config.endpoint().map(URI::toString));
    }

    /** The app client that --client-credentials names, with a user name being a usage error. */
    ClientCredentials clientCredentials(TargetOptions options, ClientCredentialsOptions machine) throws ConfigException {
        if (options.username != null) {
            throw new UsageException("--username does not go with --client-credentials: the client signs in as itself");
        }
        ClientCredentials client = ClientCredentials.resolve(context, options.pool, profile(options.profile),
                machine.domain, machine.scope);
        debug.accept("acting on " + client.key().describe());
        return client;
    }

    /** The cached entry of a user named as typed at sign-in or as the pool knows them, if any. */
    Optional<TokenEntry> findEntry(PoolConfig config, String username) {
        return cache.read(find(AppClient.of(config), username));
    }

    /** The key of a user of an app client, named as typed at sign-in or as the pool knows them. */
    private CacheKey find(AppClient client, String username) {
        CacheKey direct = new CacheKey(client.region(), client.poolId(), client.clientId(), username);
        if (cache.read(direct).isPresent()) {
            return direct;
        }
        return cache.all().stream()
                .filter(entry -> AppClient.of(entry.key()).equals(client) && username.equals(entry.signInName()))
                .map(TokenEntry::key)
                .findFirst()
                .orElse(direct);
    }

    /** One app client of one pool in one region: a cache key without the user. */
    private record AppClient(String region, String poolId, String clientId) {
        static AppClient of(CacheKey key) {
            return new AppClient(key.region(), key.poolId(), key.clientId());
        }

        static AppClient of(PoolConfig config) {
            return new AppClient(config.region(), config.poolId(), config.clientId());
        }
    }

    /**
     * The app client's secret for a refresh or revocation: from the config the target was
     * named through, else from the config file the sign-in used, else $COGAUTH_CLIENT_SECRET.
     */
    Optional<String> clientSecret(Target target, TokenEntry entry) {
        if (target.config().isPresent()) {
            return target.config().get().clientSecret();
        }
        if (entry.configFile() != null) {
            try {
                Optional<String> fromFile = Optional.ofNullable(ConfigFiles.load(Path.of(entry.configFile()))
                        .clientSecret());
                if (fromFile.isPresent()) {
                    return fromFile;
                }
            } catch (ConfigException unreadable) {
                debug.accept("cannot read the sign-in's config file for a client secret: " + unreadable.getMessage());
            }
        }
        return context.env(PoolConfigResolver.CLIENT_SECRET_ENV);
    }

    /**
     * Where to call about an entry: the endpoint the user named for this command, else the one
     * the entry was signed in at (null: AWS's).
     */
    String endpoint(Target target, TokenEntry entry) {
        if (target.endpoint().isEmpty()) {
            return entry.endpoint();
        }
        String named = target.endpoint().get();
        if (!named.equals(entry.endpoint())) {
            debug.accept("calling " + named + " as given, not " + (entry.endpoint() == null ? "AWS's endpoint"
                    : entry.endpoint()) + " where " + entry.key().describe() + " signed in");
        }
        return named;
    }

    GrantedTokens grantedTokens() {
        return new GrantedTokens(cache, context.clock(), note -> err.println("cogauth: note: " + note));
    }

    FreshTokens freshTokens(Target target, LazyApis apis) {
        return new FreshTokens(cache, entry -> new TokenRefresher(apis.cognito(entry, endpoint(target, entry)),
                clientSecret(target, entry),
                context.clock(), debug), context.clock(), this::note);
    }

    /** A one-line note on stderr: the command still does its work (exit 0). */
    void note(String note) {
        err.println("cogauth: note: " + note);
    }
}
