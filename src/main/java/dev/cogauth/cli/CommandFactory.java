package dev.cogauth.cli;

import picocli.CommandLine;

/** Builds commands with their dependencies; everything else picocli makes itself. */
final class CommandFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Object command = commandOrNull(type);
        if (command != null) {
            return type.cast(command);
        }
        if (type == DemoCommand.class) {
            return type.cast(new DemoCommand(context));
        }
        return fallback.create(type);
    }

    private Object commandOrNull(Class<?> type) {
        if (type == SignInCommand.class) {
            return new SignInCommand(context);
        }
        if (type == TokenCommand.class) {
            return new TokenCommand(context);
        }
        if (type == RefreshCommand.class) {
            return new RefreshCommand(context);
        }
        if (type == SignOutCommand.class) {
            return new SignOutCommand(context);
        }
        if (type == StatusCommand.class) {
            return new StatusCommand(context);
        }
        if (type == CredentialsCommand.class) {
            return new CredentialsCommand(context);
        }
        if (type == ExecCredentialCommand.class) {
            return new ExecCredentialCommand(context);
        }
        if (type == ConfigureCommand.class) {
            return new ConfigureCommand(context);
        }
        return null;
    }
}
