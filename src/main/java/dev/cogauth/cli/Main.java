package dev.cogauth.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Entry point: {@link #run} is what tests call; {@link #main} only adds the process exit. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new PrintableWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8)), true);
        int code = run(CliContext.system(), out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        // Scripts call a cached `token` in loops: picocli's model would take longer than the rest of its run.
        Optional<TokenCommand> token = TokenFastPath.parse(context, args);
        if (token.isPresent()) {
            return TokenFastPath.execute(token.get(), out, err);
        }
        // `--version` alone: picocli's model of the root command is most of that run, in the native binary 4x its floor.
        Optional<String[]> version = VersionProvider.alone(args);
        if (version.isPresent()) {
            for (String line : version.get()) {
                out.println(line);
            }
            return ExitCode.OK;
        }
        var cli = CogauthCommand.forArgs(context, args);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }
}
