package dev.cogauth.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --profile NAME}, defaulting to $COGAUTH_PROFILE. */
final class ProfileOption {
    static final String ENV = "COGAUTH_PROFILE";

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME",
            description = "A profile saved with cogauth configure (default: $COGAUTH_PROFILE).")
    String profile;

    /** The profile asked for by flag or environment, if any. */
    Optional<String> name(CliContext context) {
        return profile != null ? Optional.of(profile) : context.env(ENV);
    }
}
