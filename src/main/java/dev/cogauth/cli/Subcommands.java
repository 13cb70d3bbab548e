package dev.cogauth.cli;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * cogauth's subcommands by name, in the order help lists them, with how each is built. The one place that names
 * them: picocli builds a command's model by reflection, so a run builds only the subcommand it invokes (see
 * {@link CogauthCommand}), and {@link CommandFactory} gives each the {@link CliContext} it needs.
 */
final class Subcommands {
    static final String HELP = "help";

    private static final Map<String, Class<?>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, Function<CliContext, Object>> CONSTRUCTORS = new HashMap<>();

    static {
        add("signin", SignInCommand.class, SignInCommand::new);
        add(TokenCommand.NAME, TokenCommand.class, TokenCommand::new);
        add("refresh", RefreshCommand.class, RefreshCommand::new);
        add("signout", SignOutCommand.class, SignOutCommand::new);
        add("status", StatusCommand.class, StatusCommand::new);
        add("credentials", CredentialsCommand.class, CredentialsCommand::new);
        add("exec-credential", ExecCredentialCommand.class, ExecCredentialCommand::new);
        add("configure", ConfigureCommand.class, ConfigureCommand::new);
        add("local-pool", LocalPoolCommand.class, null);
        add("demo", DemoCommand.class, DemoCommand::new);
        add("_profiles", ProfileNamesCommand.class, ProfileNamesCommand::new);
        add(HELP, CommandLine.HelpCommand.class, null);
    }

    private Subcommands() {
    }

    /** Every subcommand, name to its {@code @Command} class, in help order. */
    static Map<String, Class<?>> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    /** How to build a command that needs the context; null for one picocli builds itself. */
    static Function<CliContext, Object> constructorOf(Class<?> type) {
        return CONSTRUCTORS.get(type);
    }

    private static void add(String name, Class<?> type, Function<CliContext, Object> constructor) {
        BY_NAME.put(name, type);
        if (constructor != null) {
            CONSTRUCTORS.put(type, constructor);
        }
    }
}
