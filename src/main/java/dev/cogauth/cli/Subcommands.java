package dev.cogauth.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * cogauth's subcommands by name, in the order help lists them. The one place that names them: picocli builds a
 * command's model by reflection, so a run builds only the subcommand it invokes (see {@link CogauthCommand}).
 */
final class Subcommands {
    static final String HELP = "help";

    private static final Map<String, Class<?>> BY_NAME = byName();

    private Subcommands() {
    }

    /** Every subcommand, name to its {@code @Command} class, in help order. */
    static Map<String, Class<?>> all() {
        return BY_NAME;
    }

    private static Map<String, Class<?>> byName() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("signin", SignInCommand.class);
        commands.put("token", TokenCommand.class);
        commands.put("refresh", RefreshCommand.class);
        commands.put("signout", SignOutCommand.class);
        commands.put("status", StatusCommand.class);
        commands.put("credentials", CredentialsCommand.class);
        commands.put("exec-credential", ExecCredentialCommand.class);
        commands.put("configure", ConfigureCommand.class);
        commands.put("local-pool", LocalPoolCommand.class);
        commands.put("demo", DemoCommand.class);
        commands.put("_profiles", ProfileNamesCommand.class);
        commands.put(HELP, CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(commands);
    }
}
