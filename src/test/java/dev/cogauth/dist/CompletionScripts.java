package dev.cogauth.dist;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Shell completion scripts for a picocli model: bash and zsh (picocli's script), and fish. */
final class CompletionScripts {

    /** The option whose values are profile names, completed live rather than from the model. */
    static final String PROFILE_OPTION = "--profile";
    /** The hidden command that prints the saved profile names, one a line. */
    static final String PROFILE_LISTER = "_profiles";

    private CompletionScripts() {
    }

    /** File name to content, for every script in {@code completions/}. */
    static Map<String, String> generate(CommandLine root) {
        String name = root.getCommandName();
        String bash = AutoComplete.bash(name, root) + profileHook(name, profileOptionNames(root.getCommandSpec()));
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put(name + ".bash", bash);
        scripts.put(name + ".zsh", "# zsh: `source` this file from ~/.zshrc; it enables bashcompinit and registers "
                + name + ".\n" + bash);
        scripts.put(name + ".fish", fish(root));
        return scripts;
    }

    /** Wraps picocli's entry function so that the value after a profile option is asked of cogauth itself. */
    private static String profileHook(String name, List<String> optionNames) {
        if (optionNames.isEmpty()) {
            return "";
        }
        String fn = "_complete_" + name.replace('-', '_');
        return "\n# Profile names change at run time, so the value of " + String.join(", ", optionNames)
                + " is asked of `" + name + " " + PROFILE_LISTER + "`.\n"
                + "function " + fn + "_profiles() {\n"
                + "  case \"${COMP_WORDS[COMP_CWORD-1]}\" in\n"
                + "    " + String.join("|", optionNames) + ")\n"
                + "      # Only profile names: with none saved, offer nothing rather than -o default's file names.\n"
                + "      compopt +o default 2>/dev/null\n"
                + "      local IFS=$'\\n'\n"
                + "      COMPREPLY=( $(compgen -W \"$(\"${COMP_WORDS[0]}\" " + PROFILE_LISTER
                + " 2>/dev/null)\" -- \"${COMP_WORDS[COMP_CWORD]}\") )\n"
                + "      return 0 ;;\n"
                + "  esac\n"
                + "  " + fn + " \"$@\"\n"
                + "}\n"
                + "complete -F " + fn + "_profiles -o default " + name + " " + name + ".sh " + name + ".bash\n";
    }

    private static String fish(CommandLine root) {
        String name = root.getCommandName();
        StringBuilder out = new StringBuilder()
                .append("# fish completion for ").append(name)
                .append(", generated from the picocli model by dev.cogauth.dist.DistFiles: do not edit.\n")
                .append("# Install: copy to ~/.config/fish/completions/").append(name).append(".fish\n")
                .append("complete -c ").append(name).append(" -f\n");
        fishCommand(out, name, root.getCommandSpec(), "__fish_use_subcommand");
        return out.toString();
    }

    private static void fishCommand(StringBuilder out, String name, CommandSpec spec, String condition) {
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            out.append("complete -c ").append(name).append(" -n '").append(condition).append('\'');
            for (String optionName : option.names()) {
                out.append(optionName.startsWith("--") ? " -l " + optionName.substring(2)
                        : optionName.length() == 2 ? " -s " + optionName.substring(1) : " -o " + optionName.substring(1));
            }
            if (option.arity().max() > 0) {
                if (List.of(option.names()).contains(PROFILE_OPTION)) {
                    out.append(" -x -a '(").append(name).append(' ').append(PROFILE_LISTER).append(" 2>/dev/null)'");
                } else if (option.completionCandidates() != null) {
                    List<String> values = new ArrayList<>();
                    option.completionCandidates().forEach(values::add);
                    out.append(" -x -a ").append(fishQuote(String.join(" ", values)));
                } else if (Path.class.isAssignableFrom(option.type()) || File.class.isAssignableFrom(option.type())) {
                    out.append(" -r -F");
                } else {
                    out.append(" -x");
                }
            }
            out.append(description(option.description())).append('\n');
        }
        for (CommandLine sub : visibleSubcommands(spec)) {
            CommandSpec subSpec = sub.getCommandSpec();
            out.append("complete -c ").append(name).append(" -n '").append(condition).append("' -a ")
                    .append(fishQuote(subSpec.name())).append(description(subSpec.usageMessage().description()))
                    .append('\n');
            fishCommand(out, name, subSpec, "__fish_seen_subcommand_from " + subSpec.name());
        }
    }

    /** Subcommands a user should see: not hidden, each once (aliases share a CommandLine). */
    static List<CommandLine> visibleSubcommands(CommandSpec spec) {
        List<CommandLine> visible = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && !visible.contains(sub)) {
                visible.add(sub);
            }
        }
        return visible;
    }

    private static List<String> profileOptionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (List.of(option.names()).contains(PROFILE_OPTION)) {
                for (String optionName : option.names()) {
                    if (!names.contains(optionName)) {
                        names.add(optionName);
                    }
                }
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            for (String optionName : profileOptionNames(sub.getCommandSpec())) {
                if (!names.contains(optionName)) {
                    names.add(optionName);
                }
            }
        }
        return names;
    }

    private static String description(String[] lines) {
        return lines.length == 0 || lines[0].isBlank() ? "" : " -d " + fishQuote(lines[0].replaceAll("%n", " ").strip());
    }

    private static String fishQuote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
