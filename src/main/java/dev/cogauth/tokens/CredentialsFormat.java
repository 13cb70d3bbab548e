package dev.cogauth.tokens;

import java.util.Locale;

/** How {@code cogauth credentials} prints AWS credentials ({@link CredentialsPrinter}). */
public enum CredentialsFormat {
    /** The AWS CLI / SDK {@code credential_process} contract, version 1. */
    PROCESS,
    /** {@code export AWS_ACCESS_KEY_ID=...} lines for {@code eval}. */
    ENV,
    /** One JSON object with the identity id too. */
    JSON;

    public static CredentialsFormat parse(String text) {
        for (CredentialsFormat format : values()) {
            if (format.name().equalsIgnoreCase(text.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "' (expected process, env or json)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
