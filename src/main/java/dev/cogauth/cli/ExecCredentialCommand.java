package dev.cogauth.cli;

import dev.cogauth.tokens.ExecCredential;
import dev.cogauth.tokens.SignInNeededException;
import dev.cogauth.tokens.TokenEntry;
import dev.cogauth.tokens.TokenType;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "exec-credential",
        mixinStandardHelpOptions = true,
        description = {
            "Print a Kubernetes ExecCredential with the ID token and its expiry, for kubectl's exec credential plugin.",
            "When a sign-in is needed and kubectl says the session is interactive (spec.interactive in"
                    + " KUBERNETES_EXEC_INFO), it signs in on the terminal (/dev/tty) as signin does, then prints the"
                    + " ExecCredential; otherwise it exits 4 and says so (kubectl shows the message).",
            "With --client-credentials, the app client's own access token, granted anew when due (as cogauth token).",
        })
final class ExecCredentialCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    ClientCredentialsOptions machine;

    @Mixin
    DebugOption debug;

    @Mixin
    TimeoutOption timeout;

    @Option(names = "--min-ttl", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5m",
            description = {"Least time the token must stay valid (default: ${DEFAULT-VALUE}).",
                "Capped at half the token's lifetime, as for cogauth token."})
    Duration minTtl;

    private final CliContext context;

    ExecCredentialCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ExecCredential.ExecInfo info = ExecCredential.info(context.env("KUBERNETES_EXEC_INFO"));
        TokenCommands commands = new TokenCommands(context, spec.commandLine().getErr(), debug.debug);
        commands.debug().accept("KUBERNETES_EXEC_INFO: " + info.apiVersion() + ", interactive " + info.interactive());
        if (machine.requested()) {
            ClientCredentials client = commands.clientCredentials(target, machine);
            TokenEntry entry = commands.grantedTokens().atLeast(client.key(), minTtl, () -> client.grant(false, timeout.timeouts));
            return print(info, entry.accessToken(), entry.expiryOf(TokenType.ACCESS));
        }
        TokenEntry entry;
        try (LazyApis apis = new LazyApis(timeout.timeouts)) {
            Target resolved = commands.target(target, machine);
            entry = commands.freshTokens(resolved, apis).atLeast(resolved.key(), TokenType.ID, minTtl);
        } catch (SignInNeededException e) {
            if (!info.interactive()) {
                throw new SignInNeededException(e.getMessage().replaceFirst(": run cogauth signin$", "")
                        + " (kubectl runs cogauth without a terminal: run cogauth signin)");
            }
            // kubectl lets the plugin use the terminal: sign in there, as signin would.
            entry = new TerminalSignIn(context, commands, timeout.timeouts, spec.commandLine().getErr(), debug.debug)
                    .signIn(commands.target(target, machine), e, "kubectl");
        }
        return print(info, entry.idToken(), entry.expiryOf(TokenType.ID));
    }

    private int print(ExecCredential.ExecInfo info, String token, Instant expiry) {
        PrintWriter out = spec.commandLine().getOut();
        Payload.write(out, ExecCredential.render(info.apiVersion(), token, expiry), "the ExecCredential");
        return ExitCode.OK;
    }
}
