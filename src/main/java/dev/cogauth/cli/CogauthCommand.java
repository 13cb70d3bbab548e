package dev.cogauth.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code cogauth} command: only lists its subcommands. */
@Command(name = "cogauth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Sign in to Amazon Cognito user pools from a terminal or CI, custom authentication flows included.")
public final class CogauthCommand {

    /** The command line of this process, also the model that completions, man pages and native config come from. */
    public static CommandLine commandLine() {
        return commandLine(CliContext.system());
    }

    /** The fully wired command line with every subcommand; every command's help ends with the exit codes. */
    public static CommandLine commandLine(CliContext context) {
        return build(context, Subcommands.all());
    }

    /**
     * The command line to run {@code args} with: when the first argument names a subcommand, only that one is
     * built, since picocli's reflection over all of them would be most of a short command's run time (a cached
     * {@code token} mostly skips picocli: {@link TokenFastPath}). Anything else ({@code help}, {@code --help},
     * {@code --version}, a mistyped name, nothing) gets the full tree, so that help lists every command and a
     * mistyped name gets its suggestions.
     */
    static CommandLine forArgs(CliContext context, String... args) {
        if (args.length > 0 && !args[0].equals(Subcommands.HELP) && Subcommands.all().containsKey(args[0])) {
            SlowClassInit.startInBackground();
            return build(context, Map.of(args[0], Subcommands.all().get(args[0])));
        }
        return commandLine(context);
    }

    private static CommandLine build(CliContext context, Map<String, Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new CogauthCommand(), new CommandFactory(context));
        subcommands.forEach(cli::addSubcommand);
        addExitCodes(cli, ExitCode.MEANINGS);
        cli.setParameterExceptionHandler((error, args) -> {
            // One line and a pointer to --help, as git and the AWS CLI do, not the whole usage text.
            CommandLine command = error.getCommandLine();
            PrintWriter err = command.getErr();
            err.println("cogauth: " + (error instanceof CommandLine.UnmatchedArgumentException unmatched
                    ? UnknownArguments.describe(unmatched.getUnmatched()) : error.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((error, command, parseResult) ->
                FailureReport.print(error, command.getErr(), parseResult.expandedArgs().contains(DebugOption.NAME)));
        return cli;
    }

    private static void addExitCodes(CommandLine cli, Map<String, String> exitCodes) {
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        cli.getSubcommands().values().forEach(sub -> addExitCodes(sub, exitCodes));
    }
}
