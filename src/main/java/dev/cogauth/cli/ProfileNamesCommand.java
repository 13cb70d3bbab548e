package dev.cogauth.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cogauth _profiles}: the saved profile names, one a line, for the shell completions. */
@Command(name = "_profiles", hidden = true, description = "Print the saved profile names (for shell completion).")
final class ProfileNamesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final CliContext context;

    ProfileNamesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        new TokenCommands(context, spec.commandLine().getErr(), false).profiles().names().forEach(out::println);
        out.flush();
        return ExitCode.OK;
    }
}
