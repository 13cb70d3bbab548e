package dev.cogauth.cli;

import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.tokens.OutputFormat;
import dev.cogauth.tokens.TokenEntry;
import dev.cogauth.tokens.TokenPrinter;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "refresh",
        mixinStandardHelpOptions = true,
        description = "Refresh the cached tokens now, whatever their age, and save them.")
final class RefreshCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    DebugOption debug;

    @Mixin
    TimeoutOption timeout;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", converter = OutputFormatConverter.class,
            description = "Also print the new tokens: json, env, id-token or access-token (default: only a summary on stderr).")
    OutputFormat output;

    private final CliContext context;

    RefreshCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        TokenCommands commands = new TokenCommands(context, err, debug.debug);
        Target resolved = commands.target(target);
        TokenEntry entry;
        try (LazyApis apis = new LazyApis(timeout.timeouts)) {
            entry = commands.freshTokens(resolved, apis).refreshNow(resolved.key());
        }
        Instant now = context.clock().instant();
        long left = Math.max(0, Duration.between(now, entry.expiresAt()).toSeconds());
        err.println("Refreshed the tokens of " + entry.key().describe() + "; they expire at " + entry.expiresAt()
                + " (in " + left / 60 + " min).");
        if (output != null) {
            AuthenticationResult tokens = new AuthenticationResult(entry.idToken(), entry.accessToken(), null,
                    (int) left, entry.tokenType(), null);
            PrintWriter out = spec.commandLine().getOut();
            Payload.write(out, TokenPrinter.render(output, tokens, now), "the tokens");
        }
        return ExitCode.OK;
    }
}
