package dev.cogauth.cli;

import dev.cogauth.api.CallTimeouts;
import dev.cogauth.config.ConfigException;
import dev.cogauth.config.OAuthSettings;
import dev.cogauth.config.PoolConfig;
import dev.cogauth.oauth.AuthorizeRequest;
import dev.cogauth.oauth.BrowserSignIn;
import dev.cogauth.oauth.Loopback;
import dev.cogauth.oauth.ManagedLoginDomain;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code signin --browser} and its settings: the managed login, the loopback redirect, scopes. */
final class BrowserOptions {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    @Option(names = "--browser", description = "Sign in in a browser through the pool's managed login (hosted UI): "
            + "authorization code with PKCE, redirected to a loopback URL cogauth listens on. For federated users, "
            + "passkeys and whatever else the managed login offers.")
    boolean browser;

    @Option(names = "--no-browser", description = "With --browser: print the sign-in URL on stderr instead of opening "
            + "a browser, and take the address the browser ended on pasted on stdin (for a browser on another "
            + "machine); the loopback redirect is listened for too. Implied over SSH without a display, unless "
            + "BROWSER is set.")
    boolean noBrowser;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "Managed login domain (default: the config file's), "
            + "e.g. example.auth.us-east-1.amazoncognito.com, a custom domain, or a full URL (http:// for loopback only).")
    String domain;

    @Option(names = "--redirect-uri", paramLabel = "URI", description = "Loopback callback URL to listen on, registered "
            + "for the app client (default: the config file's first http://localhost:PORT/ or http://127.0.0.1:PORT/ "
            + "sign-in redirect).")
    String redirectUri;

    @Option(names = "--scope", paramLabel = "SCOPES", description = "Scopes, comma- or space-separated (default: the "
            + "config file's, else openid email profile). Without openid Cognito issues no ID token (token then prints"
            + " the access token); email, phone and profile need openid too.")
    String scope;

    @Option(names = "--identity-provider", paramLabel = "NAME", description = "Go straight to this identity provider "
            + "(Google, SignInWithApple, a SAML or OIDC provider's name), skipping the chooser.")
    String identityProvider;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the managed login pages, e.g. de.")
    String lang;

    @Option(names = "--login-hint", paramLabel = "NAME", description = "User name to pre-fill on the sign-in page.")
    String loginHint;

    @Option(names = "--browser-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the sign-in in the browser (or a pasted address); then exit 4 "
                    + "(default: 5m).")
    Duration timeout;

    /**
     * With {@code signin --client-credentials}: the --domain and --scope it shares with --browser;
     * the other browser options are a usage error.
     */
    void checkClientCredentials() {
        if (browser || noBrowser || redirectUri != null || identityProvider != null || lang != null
                || loginHint != null || timeout != null) {
            throw new UsageException("--client-credentials takes --domain and --scope, not --browser or its other"
                    + " options");
        }
    }

    /** True for {@code --browser}; browser-only options without it are a usage error. */
    boolean requested() {
        if (!browser && (noBrowser || domain != null || redirectUri != null || scope != null || identityProvider != null
                || lang != null || loginHint != null || timeout != null)) {
            throw new UsageException("--no-browser, --domain, --redirect-uri, --scope, --identity-provider, --lang,"
                    + " --login-hint and --browser-timeout go with --browser");
        }
        return browser;
    }

    /**
     * The sign-in's settings: these options over the config file's managed login settings.
     *
     * @param configName the config file as given, for messages; null without one
     */
    BrowserSignIn.Settings settings(PoolConfig config, OAuthSettings fromFile, String configName,
                                    boolean openBrowser, CallTimeouts callTimeouts) throws ConfigException {
        return new BrowserSignIn.Settings(domain(domain, fromFile, configName), config.clientId(), config.clientSecret(),
                redirectUri(fromFile, configName), scopes(fromFile), Optional.ofNullable(identityProvider),
                Optional.ofNullable(lang), Optional.ofNullable(loginHint), openBrowser,
                timeout != null ? timeout : DEFAULT_TIMEOUT, callTimeouts);
    }

    /** Where {@code /logout} should send the browser: the config's first loopback sign-out URL, else the sign-in's. */
    static String logoutUri(OAuthSettings fromFile, String redirectUri) {
        return Loopback.first(fromFile.signOutRedirectUris()).orElse(redirectUri);
    }

    /** --domain when given, else the config file's managed login domain; for --browser and --client-credentials. */
    static URI domain(String flag, OAuthSettings fromFile, String configName) throws ConfigException {
        if (flag != null) {
            try {
                return ManagedLoginDomain.parse(flag);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--domain: " + e.getMessage());
            }
        }
        if (fromFile.domain().isEmpty()) {
            throw new ConfigException(configName, null, "no managed login domain: give --domain, or a config file"
                    + " with one (Auth.Default.OAuth.WebDomain, auth.oauth.domain)");
        }
        try {
            return ManagedLoginDomain.parse(fromFile.domain().get());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(configName, "OAuth domain", e.getMessage());
        }
    }

    private String redirectUri(OAuthSettings fromFile, String configName) throws ConfigException {
        if (redirectUri != null) {
            Optional<String> problem = Loopback.problemWith(redirectUri);
            if (problem.isPresent()) {
                throw new UsageException("--redirect-uri: " + problem.get());
            }
            return redirectUri;
        }
        return Loopback.first(fromFile.signInRedirectUris()).orElseThrow(() -> new ConfigException(configName, null,
                "no http://localhost:PORT/ or http://127.0.0.1:PORT/ sign-in redirect URI: register one as a callback"
                        + " URL of the app client and give it with --redirect-uri or in the config file"));
    }

    /** --scope's value: comma- or space-separated. */
    static List<String> scopes(String flag) {
        List<String> given = Arrays.stream(flag.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
        if (given.isEmpty()) {
            throw new UsageException("--scope: no scopes given");
        }
        return given;
    }

    private List<String> scopes(OAuthSettings fromFile) {
        if (scope != null) {
            return scopes(scope);
        }
        return fromFile.scopes().isEmpty() ? AuthorizeRequest.DEFAULT_SCOPES : fromFile.scopes();
    }
}
