package dev.cogauth.cli;

import dev.cogauth.tokens.SessionStatus;
import dev.cogauth.tokens.SignInNeededException;
import dev.cogauth.tokens.TokenEntry;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = "Show who is signed in where, when the tokens expire and their main claims; never token text. "
                + "Exits 4 when nothing is cached.")
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    ClientCredentialsOptions machine;

    @Mixin
    DebugOption debug;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text or json (default: text).")
    String output = "text";

    private final CliContext context;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        String format = output.toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--output: expected text or json, not '" + output + "'");
        }
        TokenCommands commands = new TokenCommands(context, spec.commandLine().getErr(), debug.debug);
        Target resolved = commands.target(target, machine);
        TokenEntry entry = commands.cache().read(resolved.key()).orElseThrow(() ->
                new SignInNeededException("not signed in: no cached sign-in for " + resolved.key().describe()));
        Instant now = context.clock().instant();
        var file = commands.cache().dir().resolve(resolved.key().fileName());
        PrintWriter out = spec.commandLine().getOut();
        Payload.write(out, format.equals("json") ? SessionStatus.json(entry, file, now).toPrettyString() + "\n"
                : SessionStatus.text(entry, file, now), "the status");
        return ExitCode.OK;
    }
}
