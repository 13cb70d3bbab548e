package dev.cogauth.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ManPagesTest {

    @Test
    void writeOnePagePerVisibleCommandNamedAfterItsFullName() {
        Map<String, String> pages = ManPages.generate(new CommandLine(new Tool()));
        assertEquals(List.of("tool.adoc", "tool-pool.adoc", "tool-pool-start.adoc"), List.copyOf(pages.keySet()));
    }

    @Test
    void describeTheCommandsOptionsInAManpageDocument() {
        String page = ManPages.generate(new CommandLine(new Tool())).get("tool-pool-start.adoc");
        assertTrue(page.contains(":doctype: manpage"), page);
        assertTrue(page.contains("= tool-pool-start(1)"), page);
        assertTrue(page.contains("*--port*=_<port>_"), page);
        assertTrue(page.contains("Port to listen on."), page);
    }

    @Test
    void coverCogauthAndListItsExitCodes() {
        String page = ManPages.generate(DistFiles.model()).get("cogauth.adoc");
        assertTrue(page.contains("= cogauth(1)"), page);
        assertTrue(page.contains("refused by the pool"), "exit codes added to the model programmatically appear");
    }

    @Command(name = "tool", subcommands = {Pool.class, Secret.class, CommandLine.HelpCommand.class})
    static final class Tool {
    }

    @Command(name = "pool", subcommands = Start.class)
    static final class Pool {
    }

    @Command(name = "start", description = "Start the pool.")
    static final class Start {
        @Option(names = "--port", description = "Port to listen on.")
        int port;
    }

    @Command(name = "secret", hidden = true)
    static final class Secret {
    }
}
