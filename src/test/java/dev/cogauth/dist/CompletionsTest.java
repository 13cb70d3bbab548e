package dev.cogauth.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CompletionsTest {

    private static final Path COMMITTED = Path.of("completions");

    @Nested
    class TheCommittedScripts {

        @Test
        void areExactlyWhatTheCurrentCommandModelGenerates() throws IOException {
            Map<String, String> generated = CompletionScripts.generate(DistFiles.model());
            Set<String> committed;
            try (Stream<Path> files = Files.list(COMMITTED)) {
                committed = files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            }
            assertEquals(new TreeSet<>(generated.keySet()), committed,
                    "completions/ has other files than the generator writes: run dist/update-completions.sh and commit");
            for (Map.Entry<String, String> script : generated.entrySet()) {
                String onDisk = Files.readString(COMMITTED.resolve(script.getKey()), StandardCharsets.UTF_8);
                assertEquals(script.getValue(), onDisk, "completions/" + script.getKey()
                        + " is out of date with the command model: run dist/update-completions.sh and commit the result");
            }
        }
    }

    @Nested
    class InBash {

        @Test
        void completeSubcommandNamesAndOptions(@TempDir Path dir) throws Exception {
            Path script = write(dir, CompletionScripts.generate(new CommandLine(new Tool())).get("tool.bash"));
            assertEquals(List.of("signin"), complete(dir, script, "tool", "si"));
            assertEquals(List.of("--user"), complete(dir, script, "tool", "signin", "--us"));
        }

        @Test
        void askTheToolForProfileNamesAfterProfile(@TempDir Path dir) throws Exception {
            Path script = write(dir, CompletionScripts.generate(new CommandLine(new Tool())).get("tool.bash"));
            // A stand-in for the hidden command that lists the saved profiles.
            Path tool = dir.resolve("tool");
            Files.writeString(tool, "#!/bin/sh\n[ \"$1\" = " + CompletionScripts.PROFILE_LISTER
                    + " ] && printf 'dev\\nprod\\nstaging\\n'\n");
            assertTrue(tool.toFile().setExecutable(true));
            assertEquals(List.of("dev"), complete(dir, script, tool.toString(), "signin", "--profile", "d"));
            assertEquals(List.of("prod", "staging"), complete(dir, script, tool.toString(), "signin", "--profile", "").stream()
                    .filter(w -> !w.equals("dev")).collect(Collectors.toList()));
        }

        @Test
        void offerNothingAfterProfileWhenNoProfileIsSavedRatherThanFileNames(@TempDir Path dir) throws Exception {
            Path script = write(dir, CompletionScripts.generate(new CommandLine(new Tool())).get("tool.bash"));
            Path tool = dir.resolve("tool");
            Files.writeString(tool, "#!/bin/sh\nexit 0\n");
            assertTrue(tool.toFile().setExecutable(true));
            Files.writeString(dir.resolve("some-file.json"), "{}");
            // compopt works only inside a real completion; the stub shows what the hook asked of it.
            String recordCompopt = "compopt() { printf 'compopt %s\\n' \"$*\"; }\n";
            assertEquals(List.of("compopt +o default"),
                    completeAfter(recordCompopt, dir, script, tool.toString(), "signin", "--profile", ""),
                    "no words, and bash's fallback to file names turned off");
        }

        @Test
        void completeTheAuthFlowsCogauthKnows(@TempDir Path dir) throws Exception {
            Path script = write(dir, CompletionScripts.generate(DistFiles.model()).get("cogauth.bash"));
            List<String> flows = java.util.Arrays.stream(dev.cogauth.protocol.AuthFlow.values()).map(Enum::name)
                    .sorted().collect(Collectors.toList());
            assertEquals(flows, complete(dir, script, "cogauth", "signin", "--auth-flow", ""));
            assertEquals(flows.stream().filter(f -> f.startsWith("USER_")).collect(Collectors.toList()),
                    complete(dir, script, "cogauth", "token", "--auth-flow", "USER_"));
        }

        @Test
        void completeTheFirstFactorsAfterPreferredChallenge(@TempDir Path dir) throws Exception {
            Path script = write(dir, Files.readString(Path.of("completions/cogauth.bash")));
            assertEquals(List.of("PASSWORD", "PASSWORD_SRP"),
                    complete(dir, script, "cogauth", "signin", "--preferred-challenge", "PASS"));
            assertEquals(dev.cogauth.flow.FirstFactors.KNOWN.stream().sorted().collect(Collectors.toList()),
                    complete(dir, script, "cogauth", "signin", "--preferred-challenge", ""));
        }

        @Test
        void leaveTheProfileHookOutWhenNoCommandHasAProfileOption() {
            String bash = CompletionScripts.generate(new CommandLine(new NoProfiles())).get("plain.bash");
            assertTrue(!bash.contains(CompletionScripts.PROFILE_LISTER), "no hook without a --profile option");
        }
    }

    @Nested
    class InFish {

        @Test
        void listSubcommandsOptionsAndLiveProfiles() {
            String fish = CompletionScripts.generate(new CommandLine(new Tool())).get("tool.fish");
            assertTrue(fish.contains("complete -c tool -n '__fish_use_subcommand' -a 'signin' -d 'Sign in.'"), fish);
            assertTrue(fish.contains("complete -c tool -n '__fish_seen_subcommand_from signin' -l user -x -d 'Who signs in.'"), fish);
            assertTrue(fish.contains("-l config -r -F -d 'Config file.'"), "file options complete file names: " + fish);
            assertTrue(fish.contains("-l profile -x -a '(tool " + CompletionScripts.PROFILE_LISTER + " 2>/dev/null)'"), fish);
            assertTrue(fish.contains("-l flow -x -a 'srp custom' -d 'It\\'s the flow.'"), fish);
        }
    }

    /** The words bash would offer for the command line {@code words}, the last one being completed. */
    private static List<String> complete(Path dir, Path script, String... words) throws Exception {
        return completeAfter("", dir, script, words);
    }

    /** Like {@link #complete(Path, Path, String...)}, with {@code prelude} run before the script is sourced. */
    private static List<String> completeAfter(String prelude, Path dir, Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append('\'');
        }
        String driver = prelude + "source '" + script + "'\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\n"
                + "COMP_POINT=${#COMP_LINE}\n"
                + "fn=$(complete -p \"${COMP_WORDS[0]##*/}\" | sed -E 's/.*-F ([^ ]+).*/\\1/')\n"
                + "$fn\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Path driverFile = dir.resolve("driver.bash");
        Files.writeString(driverFile, driver);
        Process bash = new ProcessBuilder("bash", driverFile.toString()).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(20, TimeUnit.SECONDS), "bash finished");
        assertEquals(0, bash.exitValue(), out);
        return out.lines().filter(l -> !l.isBlank()).sorted().collect(Collectors.toList());
    }

    private static Path write(Path dir, String script) throws IOException {
        Path file = dir.resolve("completion.bash");
        Files.writeString(file, script);
        return file;
    }

    @Command(name = "tool", subcommands = SignIn.class)
    static final class Tool {
    }

    @Command(name = "signin", description = "Sign in.")
    static final class SignIn {
        @Option(names = "--user", description = "Who signs in.")
        String user;

        @Option(names = "--config", description = "Config file.")
        java.nio.file.Path config;

        @Option(names = {"-p", "--profile"}, description = "Saved target.")
        String profile;

        @Option(names = "--flow", completionCandidates = Flows.class, description = "It's the flow.")
        String flow;
    }

    static final class Flows implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("srp", "custom").iterator();
        }
    }

    @Command(name = "plain")
    static final class NoProfiles {
        @Option(names = "--user")
        String user;
    }
}
