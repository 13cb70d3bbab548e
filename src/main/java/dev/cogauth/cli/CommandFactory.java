package dev.cogauth.cli;

import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/** Builds commands with their dependencies; everything else picocli makes itself. */
final class CommandFactory implements CommandLine.IFactory {
    private static final Map<Class<?>, Function<CliContext, Object>> COMMANDS = Map.ofEntries(
            Map.entry(SignInCommand.class, SignInCommand::new),
            Map.entry(TokenCommand.class, TokenCommand::new),
            Map.entry(RefreshCommand.class, RefreshCommand::new),
            Map.entry(SignOutCommand.class, SignOutCommand::new),
            Map.entry(StatusCommand.class, StatusCommand::new),
            Map.entry(CredentialsCommand.class, CredentialsCommand::new),
            Map.entry(ExecCredentialCommand.class, ExecCredentialCommand::new),
            Map.entry(ConfigureCommand.class, ConfigureCommand::new),
            Map.entry(ProfileNamesCommand.class, ProfileNamesCommand::new),
            Map.entry(DemoCommand.class, DemoCommand::new));

    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Function<CliContext, Object> constructor = COMMANDS.get(type);
        return constructor != null ? type.cast(constructor.apply(context)) : fallback.create(type);
    }
}
