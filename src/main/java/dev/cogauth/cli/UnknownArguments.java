package dev.cogauth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one line for arguments the command does not know. An unknown option's value is never repeated (it may be
 * a password given as {@code --password S3cret}, bound for a CI log), and an option named like a secret gets the
 * ways cogauth does take that secret. Pure.
 */
final class UnknownArguments {
    private static final String PASSWORD_HINT = "cogauth takes no secrets on the command line (shell history,"
            + " process lists, CI logs): set COGAUTH_PASSWORD, or give the password on stdin or at the prompt";
    private static final String CLIENT_SECRET_HINT = "cogauth takes no secrets on the command line (shell history,"
            + " process lists, CI logs): put the client secret in the config file (AppClientSecret) or set"
            + " COGAUTH_CLIENT_SECRET";
    private static final String ANSWER_HINT = "cogauth takes no answers on the command line: give them on stdin,"
            + " one line per question, or at the prompt";

    private UnknownArguments() {
    }

    /** @param unmatched the arguments picocli could not match, in command-line order */
    static String describe(List<String> unmatched) {
        List<String> options = new ArrayList<>();
        List<String> others = new ArrayList<>();
        boolean afterUnknownOption = false;
        for (String argument : unmatched) {
            if (argument.startsWith("-") && argument.length() > 1) {
                options.add(nameOf(argument));
                afterUnknownOption = true;
            } else if (!afterUnknownOption) {
                // A stray word before any unknown option (a mistyped command) is worth showing; one after is its value.
                others.add("'" + argument + "'");
            }
        }
        if (options.isEmpty()) {
            return "unexpected argument" + (others.size() > 1 ? "s " : " ") + String.join(", ", others);
        }
        String line = "unknown option" + (options.size() > 1 ? "s " : " ") + String.join(", ", options);
        Optional<String> hint = options.stream().map(UnknownArguments::secretHint).flatMap(Optional::stream).findFirst();
        return hint.map(h -> line + ": " + h).orElse(line);
    }

    /** The option's name without a value: {@code --password=x} and {@code -px} (a value stuck on) give the name. */
    private static String nameOf(String argument) {
        if (!argument.startsWith("--")) {
            return argument.substring(0, 2);
        }
        int equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    /** How cogauth takes the secret an option's name asks for, if it looks like one. */
    static Optional<String> secretHint(String option) {
        String name = option.replaceFirst("^-+", "").toLowerCase(Locale.ROOT).replace("_", "-");
        if (name.contains("secret")) {
            return Optional.of(CLIENT_SECRET_HINT);
        }
        if (name.contains("pass")) {
            return Optional.of(PASSWORD_HINT);
        }
        if (name.contains("answer") || name.equals("otp") || name.equals("code") || name.equals("mfa-code")) {
            return Optional.of(ANSWER_HINT);
        }
        return Optional.empty();
    }
}
