package dev.cogauth.config;

import dev.cogauth.protocol.AuthFlow;
import dev.cogauth.protocol.PoolId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The shape each setting must have, the same whether it comes from a file or a flag. Pure. */
final class SettingRules {

    /** Checks one value: empty when it is fine, else what is wrong with it. */
    @FunctionalInterface
    interface Rule {
        Optional<String> problemWith(String value);
    }

    private static final Pattern CLIENT_ID_SHAPE = Pattern.compile("[\\w+]{1,128}");
    private static final int MAX_PORT = 65_535;
    /** Echoed values are cut so a pasted blob does not flood the terminal. */
    private static final int ECHO_LIMIT = 60;

    /** Amplify Android and Gen 2 spell the custom flows this way; AuthFlow.parse knows the rest. */
    private static final String AMPLIFY_WITH_SRP = "CUSTOM_AUTH_WITH_SRP";
    private static final String AMPLIFY_WITHOUT_SRP = "CUSTOM_AUTH_WITHOUT_SRP";

    private SettingRules() {
    }

    static Optional<String> poolId(String value) {
        return PoolId.isUserPool(value)
                ? Optional.empty()
                : Optional.of("must look like <region>_<id>, e.g. us-east-1_EXAMPLE12 (got " + echo(value) + ")");
    }

    static Optional<String> clientId(String value) {
        return CLIENT_ID_SHAPE.matcher(value).matches()
                ? Optional.empty()
                : Optional.of("must be up to 128 letters, digits, _ or + (got " + echo(value) + ")");
    }

    static Optional<String> region(String value) {
        return PoolId.isRegion(value)
                ? Optional.empty()
                : Optional.of("must be an AWS region like us-east-1 (got " + echo(value) + ")");
    }

    static Optional<String> identityPoolId(String value) {
        return PoolId.isIdentityPool(value)
                ? Optional.empty()
                : Optional.of("must look like <region>:<uuid>, e.g. us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d (got "
                        + echo(value) + ")");
    }

    /** The value is not echoed: a URL may carry a user name and password. */
    static Optional<String> endpoint(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.of("must be an http:// or https:// URL, e.g. http://127.0.0.1:9229");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("not a valid URL");
        }
        if (uri.getHost() == null) {
            return Optional.of("must name a host, e.g. http://127.0.0.1:9229");
        }
        // URI accepts any digits; a port the socket API refuses would only fail at the first call.
        if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
            return Optional.of("the port must be 1 to " + MAX_PORT + " (got " + uri.getPort() + ")");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must not contain a user name, a query or a fragment");
        }
        return Optional.empty();
    }

    /** Client secrets are never echoed, not even in part. */
    static Optional<String> clientSecret(String value) {
        return value.isBlank() ? Optional.of("must not be empty") : Optional.empty();
    }

    /** Parses a flow name, or fails naming the bad value and the names accepted. */
    static AuthFlow authFlow(String value, String field, String source) throws ConfigException {
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (normalized.equals(AMPLIFY_WITH_SRP)) {
            return AuthFlow.CUSTOM_WITH_SRP;
        }
        if (normalized.equals(AMPLIFY_WITHOUT_SRP)) {
            return AuthFlow.CUSTOM_WITHOUT_SRP;
        }
        Optional<AuthFlow> flow = AuthFlow.parse(value);
        if (flow.isEmpty()) {
            String accepted = Arrays.stream(AuthFlow.values()).map(Enum::name).collect(Collectors.joining(", "));
            throw new ConfigException(source, field, "unknown flow " + echo(value) + ": use one of " + accepted
                    + " (CUSTOM_AUTH and " + AMPLIFY_WITH_SRP + " mean CUSTOM_WITH_SRP, "
                    + AMPLIFY_WITHOUT_SRP + " means CUSTOM_WITHOUT_SRP)");
        }
        return flow.get();
    }

    /** A non-secret value, quoted for a one-line message: control characters shown as ?, long values cut. */
    static String echo(String value) {
        String shown = value.length() > ECHO_LIMIT ? value.substring(0, ECHO_LIMIT) + "..." : value;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
