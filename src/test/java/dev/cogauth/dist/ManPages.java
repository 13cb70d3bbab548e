package dev.cogauth.dist;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/** asciidoc man page sources, {@code cogauth(1)} and one per visible subcommand, for asciidoctor's manpage backend. */
final class ManPages {

    private ManPages() {
    }

    /** File name ({@code cogauth-signin.adoc}) to asciidoc text, the command first, then its subcommands depth-first. */
    static Map<String, String> generate(CommandLine root) {
        Map<String, String> pages = new LinkedHashMap<>();
        add(pages, root);
        return pages;
    }

    private static void add(Map<String, String> pages, CommandLine command) {
        StringWriter page = new StringWriter();
        try (PrintWriter out = new PrintWriter(page)) {
            ManPageGenerator.writeSingleManPage(out, command.getCommandSpec());
        }
        pages.put(command.getCommandSpec().qualifiedName("-") + ".adoc", page.toString());
        for (CommandLine sub : CompletionScripts.visibleSubcommands(command.getCommandSpec())) {
            // `cogauth help` is picocli's own help command: `man cogauth` already covers it.
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                add(pages, sub);
            }
        }
    }
}
