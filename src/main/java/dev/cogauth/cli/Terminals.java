package dev.cogauth.cli;

import java.util.List;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Which standard streams are terminals. Java 17's System.console() needs stdin AND stdout to
 * be terminals, but {@code TOKEN=$(cogauth signin)} must still prompt on the terminal, so each
 * stream is asked about on its own (JLine's native isatty).
 */
record Terminals(boolean stdin, boolean stdout, boolean stderr) {

    static Terminals detect() {
        try {
            List<TerminalProvider> providers = TerminalBuilder.builder().getProviders(null, new IllegalStateException());
            for (TerminalProvider provider : providers) {
                try {
                    return new Terminals(provider.isSystemStream(SystemStream.Input),
                            provider.isSystemStream(SystemStream.Output), provider.isSystemStream(SystemStream.Error));
                } catch (RuntimeException | LinkageError unusable) {
                    // Try the next provider (a JNI library that cannot load, say).
                }
            }
        } catch (RuntimeException | LinkageError unusable) {
            // No provider at all: behave as if nothing is a terminal, the safe choice for scripts.
        }
        return new Terminals(false, false, false);
    }
}
