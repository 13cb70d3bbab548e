package dev.cogauth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Which standard streams (by file descriptor: 0, 1, 2) are terminals. Java 17's System.console() needs stdin AND
 * stdout to be terminals, but {@code TOKEN=$(cogauth signin)} must still prompt on the terminal, so each stream is
 * asked about on its own (JLine's native isatty). JLine (about 40 classes and a native library) is asked only about
 * a stream that may be a terminal: a pipe or a file, as in scripts and CI, is told by its file type.
 */
final class Terminals implements IntPredicate {
    private static final int FILE_TYPE = 0170000;
    private static final int CHARACTER_DEVICE = 0020000;

    /** Per descriptor, what JLine said; asked once, on the first stream that may be a terminal. */
    private boolean[] jline;

    @Override
    public synchronized boolean test(int fd) {
        if (!mayBeTerminal(fd)) {
            return false;
        }
        if (jline == null) {
            jline = askJline();
        }
        return jline.length > fd && jline[fd];
    }

    /** False for a pipe, a regular file or a socket; true for a character device (a terminal, /dev/null) or unknown. */
    static boolean mayBeTerminal(int fd) {
        try {
            int mode = (Integer) Files.getAttribute(Path.of("/dev/fd/" + fd), "unix:mode");
            return (mode & FILE_TYPE) == CHARACTER_DEVICE;
        } catch (IOException | RuntimeException unknown) {
            return true; // no /dev/fd or no unix attributes (Windows): JLine decides
        }
    }

    private static boolean[] askJline() {
        try {
            List<TerminalProvider> providers = TerminalBuilder.builder().getProviders(null, new IllegalStateException());
            for (TerminalProvider provider : providers) {
                try {
                    return new boolean[] {provider.isSystemStream(SystemStream.Input),
                        provider.isSystemStream(SystemStream.Output), provider.isSystemStream(SystemStream.Error)};
                } catch (RuntimeException | LinkageError unusable) {
                    // Try the next provider (a JNI library that cannot load, say).
                }
            }
        } catch (RuntimeException | LinkageError unusable) {
            // No provider at all: behave as if nothing is a terminal, the safe choice for scripts.
        }
        return new boolean[3];
    }
}
