package dev.cogauth.cli;

import dev.cogauth.config.PoolConfigResolver;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment variables cogauth reads that carry secrets: they are never passed on to a program it runs (the
 * answer command, the BROWSER command).
 */
final class SecretVariables {
    static final String PASSWORD = "COGAUTH_PASSWORD";
    static final String TOTP_SECRET = "COGAUTH_TOTP_SECRET";
    static final List<String> NAMES = List.of(PASSWORD, PoolConfigResolver.CLIENT_SECRET_ENV, TOTP_SECRET);

    private SecretVariables() {
    }

    /** {@code env} without them. */
    static Map<String, String> withheldFrom(Map<String, String> env) {
        Map<String, String> rest = new TreeMap<>(env);
        rest.keySet().removeAll(NAMES);
        return rest;
    }
}
