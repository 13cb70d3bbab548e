package dev.cogauth.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * The sign-in flows a user can ask for, under the names users know. Two of them send the
 * same {@code AuthFlow} on the wire: the custom flows differ only in whether SRP_A goes first.
 */
public enum AuthFlow {
    CUSTOM_WITH_SRP("CUSTOM_AUTH"),
    CUSTOM_WITHOUT_SRP("CUSTOM_AUTH"),
    USER_SRP_AUTH("USER_SRP_AUTH"),
    USER_PASSWORD_AUTH("USER_PASSWORD_AUTH"),
    USER_AUTH("USER_AUTH");

    private final String wireName;

    AuthFlow(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code AuthFlow} value InitiateAuth sends. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a flow name case-insensitively. {@code CUSTOM_AUTH} is how awsconfiguration.json
     * spells custom-with-SRP (AWSMobileClient always sent SRP_A first).
     */
    public static Optional<AuthFlow> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (upper.equals("CUSTOM_AUTH")) {
            return Optional.of(CUSTOM_WITH_SRP);
        }
        for (AuthFlow flow : values()) {
            if (flow.name().equals(upper)) {
                return Optional.of(flow);
            }
        }
        return Optional.empty();
    }
}
