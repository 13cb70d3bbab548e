package dev.cogauth.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Build-time only: several commands in one JVM, so that one ahead-of-time cache (JDK 24+ {@code -XX:AOTMode=record})
 * learns them all; the runtime image is trained with it (dist/image.sh). Commands are separated by {@value #THEN}; the
 * first that fails ends the run with its exit code.
 */
public final class TrainingRun {

    static final String THEN = "--then";

    private TrainingRun() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = 0;
        for (List<String> command : commands(args)) {
            code = Main.run(CliContext.system(), out, err, command.toArray(String[]::new));
            out.flush();
            if (code != 0) {
                err.println("cogauth training: exit " + code + " from " + command.get(0));
                break;
            }
        }
        System.exit(code);
    }

    /** The arguments split at each {@value #THEN}; empty commands dropped. */
    static List<List<String>> commands(String... args) {
        List<List<String>> commands = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= args.length; i++) {
            if (i == args.length || args[i].equals(THEN)) {
                if (i > start) {
                    commands.add(List.copyOf(Arrays.asList(args).subList(start, i)));
                }
                start = i + 1;
            }
        }
        return commands;
    }
}
