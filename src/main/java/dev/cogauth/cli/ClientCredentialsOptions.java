package dev.cogauth.cli;

import picocli.CommandLine.Option;

/**
 * {@code --client-credentials} for the commands after sign-in (token, exec-credential, status, signout):
 * the app client's own machine-to-machine entry, named by its token endpoint's domain and scopes.
 */
final class ClientCredentialsOptions {
    @Option(names = "--client-credentials", description = "The app client's own access token from the"
            + " client_credentials grant (machine to machine), cached per domain, client and scopes; token asks the"
            + " token endpoint again when it is missing or due, with the secret from COGAUTH_CLIENT_SECRET, the"
            + " config file or stdin.")
    boolean clientCredentials;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "With --client-credentials: the pool's domain,"
            + " whose /oauth2/token is asked (default: the config file's).")
    String domain;

    @Option(names = "--scope", paramLabel = "SCOPES", description = "With --client-credentials: custom scopes,"
            + " comma- or space-separated, e.g. \"orders/read orders/write\" (default: the config file's custom"
            + " scopes, else all the client is allowed).")
    String scope;

    /** True for {@code --client-credentials}; its options without it are a usage error. */
    boolean requested() {
        if (!clientCredentials && (domain != null || scope != null)) {
            throw new UsageException("--domain and --scope go with --client-credentials");
        }
        return clientCredentials;
    }
}
