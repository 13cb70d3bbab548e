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
        if (type == SignInCommand.class) {
            return type.cast(new SignInCommand(context));
        }
        if (type == DemoCommand.class) {
            return type.cast(new DemoCommand(context));
        }
        return fallback.create(type);
    }
}
