package dev.cogauth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A program run with everything it starts, so all of it can be ended: what a shell puts in the background or
 * detaches ({@code (sleep 30 &)}) is no longer its descendant once the shell exits, so only a process group reaches
 * it. Java cannot make one, so on Linux the program starts under {@code setsid} (a new session and group whose id is
 * the program's pid) and is ended with {@code kill -KILL -- -PGID}. Where there is no setsid (macOS, Windows) the
 * program's descendants that are still attached are ended instead.
 */
final class ProcessGroup {
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Process process;
    private final boolean ownGroup;

    private ProcessGroup(Process process, boolean ownGroup) {
        this.process = process;
        this.ownGroup = ownGroup;
    }

    /** Starts {@code builder}'s command in a group of its own where the system allows. */
    static ProcessGroup start(ProcessBuilder builder) throws IOException {
        Optional<Path> setsid = setsid();
        if (setsid.isPresent()) {
            List<String> command = new ArrayList<>(builder.command());
            command.add(0, setsid.get().toString());
            builder.command(command);
        }
        return new ProcessGroup(builder.start(), setsid.isPresent());
    }

    /** The setsid program, where there is one (util-linux, busybox). */
    static Optional<Path> setsid() {
        return SETSID.stream().filter(Files::isExecutable).findFirst();
    }

    Process process() {
        return process;
    }

    boolean ownGroup() {
        return ownGroup;
    }

    /**
     * Ends the program and all it started that is still running; called when it timed out, and after it exited,
     * for what it left behind. setsid execs the program in place (a child of Java never leads a group), so the
     * group's id is the program's pid; while any member lives, the kernel does not give that number to another
     * process.
     */
    void end() {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (ownGroup) {
            killGroup(process.pid());
        }
        // Through its handle: Process.destroyForcibly would also close our ends of its pipes, losing what it wrote
        // that the readers have not read yet (a loaded machine lost a whole answer so). Its pipes end by themselves.
        process.toHandle().destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static void killGroup(long pgid) {
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + pgid)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException noKill) {
            // without kill(1) the descendants still attached are all that can be reached
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
