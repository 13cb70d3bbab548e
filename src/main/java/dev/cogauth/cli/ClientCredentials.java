package dev.cogauth.cli;

import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.CallTimeouts;
import dev.cogauth.config.ConfigException;
import dev.cogauth.config.ConfigFiles;
import dev.cogauth.config.OAuthSettings;
import dev.cogauth.config.PoolConfigResolver;
import dev.cogauth.config.PoolSettings;
import dev.cogauth.config.Profile;
import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.PromptKind;
import dev.cogauth.flow.SignInCancelledException;
import dev.cogauth.oauth.TokenEndpoint;
import dev.cogauth.tokens.CacheKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An app client that signs in as itself: the client_credentials grant at its pool domain's
 * {@code /oauth2/token}. Settles the domain, client id and scopes from flags over the config file
 * (and profile), and finds the secret only when a grant is made: the config file, then
 * {@code COGAUTH_CLIENT_SECRET}, then one line of stdin (a masked prompt on a terminal, where allowed).
 */
final class ClientCredentials {
    private final CliContext context;
    private final URI domain;
    private final String clientId;
    private final List<String> scopes;
    private final Optional<String> secretFromFile;

    private ClientCredentials(CliContext context, URI domain, String clientId, List<String> scopes,
                              Optional<String> secretFromFile) {
        this.context = context;
        this.domain = domain;
        this.clientId = clientId;
        this.scopes = scopes;
        this.secretFromFile = secretFromFile;
    }

    /**
     * @param domainFlag --domain, or null
     * @param scopeFlag  --scope, or null
     */
    static ClientCredentials resolve(CliContext context, PoolOptions pool, Optional<Profile> profile, String domainFlag,
                                     String scopeFlag) throws ConfigException {
        if (pool.poolId != null || pool.authFlow != null || pool.endpointUrl != null || pool.region != null) {
            throw new UsageException("--client-credentials takes --client-id, --domain, --scope and --config;"
                    + " not --pool-id, --region, --endpoint-url or --auth-flow");
        }
        Optional<String> configFile = pool.config != null ? Optional.of(pool.config.toString())
                : profile.map(Profile::configFile);
        PoolSettings fromFile = profile.isPresent() ? profile.get().settings() : PoolSettings.empty();
        OAuthSettings oauth = OAuthSettings.none();
        if (pool.config != null) {
            if (pool.config.toString().isEmpty()) {
                throw new UsageException("--config: the path is empty: name a config file");
            }
            fromFile = fromFile.overriddenBy(ConfigFiles.load(pool.config));
        }
        if (configFile.isPresent()) {
            oauth = ConfigFiles.loadOAuth(Path.of(configFile.get()));
        }
        String clientId;
        try {
            clientId = PoolSettings.fromFlags(null, pool.clientId, null, null, null, null).clientId();
        } catch (ConfigException badFlag) {
            throw new UsageException(badFlag.getMessage());
        }
        if (clientId == null) {
            clientId = fromFile.clientId();
        }
        if (clientId == null) {
            throw new ConfigException(null, null, "no client id: give --client-id or --config");
        }
        return new ClientCredentials(context, BrowserOptions.domain(domainFlag, oauth, configFile.orElse(null)), clientId,
                scopes(scopeFlag, oauth), Optional.ofNullable(fromFile.clientSecret()));
    }

    /** Where the entry is cached: per domain, client and sorted scopes. */
    CacheKey key() {
        return CacheKey.clientCredentials(domain.toString(), clientId, scopes);
    }

    /** The entry as a command's target: no pool config, no Cognito endpoint. */
    Target target() {
        return new Target(key(), Optional.empty(), Optional.empty());
    }

    /**
     * Asks the token endpoint for the client's access token.
     *
     * @param mayPrompt whether a terminal on stdin may be asked for the secret (signin), or not (token)
     * @param timeouts  --timeout, for the call to the token endpoint
     */
    AuthenticationResult grant(boolean mayPrompt, CallTimeouts timeouts) {
        String secret = secret(mayPrompt);
        try {
            return new TokenEndpoint(domain, clientId, Optional.of(secret), timeouts).clientCredentials(scopes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInCancelledException("interrupted while asking the token endpoint", false);
        }
    }

    @Override
    public String toString() {
        return "client " + clientId + " at " + domain + ", scopes " + (scopes.isEmpty() ? "(all allowed)" : scopes);
    }

    private String secret(boolean mayPrompt) {
        Optional<String> known = secretFromFile.or(() -> context.env(PoolConfigResolver.CLIENT_SECRET_ENV));
        if (known.isPresent()) {
            return known.get();
        }
        if (context.stdinIsTerminal()) {
            if (!mayPrompt) {
                throw new InputUnavailableException("the client credentials grant needs the app client's secret: set "
                        + PoolConfigResolver.CLIENT_SECRET_ENV + ", put it in the config file or pipe it on stdin");
            }
            try (TerminalPrompter terminal = TerminalPrompter.open(true, context.env("NO_COLOR").isEmpty())) {
                return nonEmpty(terminal.ask(Prompt.of(PromptKind.PASSWORD, "Client secret of " + clientId)));
            }
        }
        try {
            String line = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8)).readLine();
            return nonEmpty(line);
        } catch (IOException e) {
            throw new InputUnavailableException("cannot read the client secret from stdin: " + e.getMessage());
        }
    }

    private static String nonEmpty(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new InputUnavailableException("no client secret: set " + PoolConfigResolver.CLIENT_SECRET_ENV
                    + ", put it in the config file or give it as one line on stdin");
        }
        return secret;
    }

    /**
     * --scope, else the config file's custom scopes (resource server scopes have a '/'; a config
     * file's openid, email and the like are for people and would be refused), else none: Cognito then
     * grants every scope the client is allowed.
     */
    private static List<String> scopes(String flag, OAuthSettings fromFile) {
        if (flag != null) {
            return BrowserOptions.scopes(flag);
        }
        return fromFile.scopes().stream().filter(scope -> scope.contains("/")).toList();
    }
}
