package dev.cogauth.tokens;

import java.util.Locale;

/** How tokens leave cogauth on stdout ({@code --output}). */
public enum OutputFormat {
    /** One JSON object with Cognito's AuthenticationResult names plus ExpiresAt. */
    JSON("json"),
    /** {@code export COGNITO_...='...'} lines, safe for {@code eval}. */
    ENV("env"),
    ID_TOKEN("id-token"),
    ACCESS_TOKEN("access-token");

    private final String cliName;

    OutputFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    @Override
    public String toString() {
        return cliName;
    }

    public static OutputFormat parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (OutputFormat format : values()) {
            if (format.cliName.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown output format '" + text + "' (expected json, env, id-token or access-token)");
    }
}
