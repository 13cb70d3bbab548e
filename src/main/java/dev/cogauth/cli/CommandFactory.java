package dev.cogauth.cli;

import java.util.function.Function;
import picocli.CommandLine;

/** Builds commands with their dependencies ({@link Subcommands} says how); everything else picocli makes itself. */
final class CommandFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Function<CliContext, Object> constructor = Subcommands.constructorOf(type);
        return constructor != null ? type.cast(constructor.apply(context)) : fallback.create(type);
    }
}
