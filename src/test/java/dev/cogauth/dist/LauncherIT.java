package dev.cogauth.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.dist.Installed.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The distribution zip, unzipped into a directory whose path has spaces, run through bin/cogauth as a user would. */
@DisabledIfSystemProperty(named = "cogauth.executable", matches = ".+",
        disabledReason = "the JVM distribution's launcher script, not the native binary: it runs in the JVM pass")
class LauncherIT {

    private static final Path ZIP = Path.of(System.getProperty("cogauth.zip", "target/cogauth-0.1.0-SNAPSHOT.zip"));
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path temp;
    private Installed zip;
    private Path home;

    @BeforeEach
    void unzip() throws IOException {
        zip = Installed.unzip(ZIP, temp.resolve("Program Files (test)"), temp.resolve("cache"));
        home = zip.home;
    }

    @Nested
    class TheZip {

        @Test
        void holdsLaunchersLibrariesCompletionsManPagesAndLicense() throws IOException {
            for (String file : List.of("bin/cogauth", "bin/cogauth.cmd", "LICENSE", "completions/cogauth.bash",
                    "completions/cogauth.zsh", "completions/cogauth.fish", "man/man1/cogauth.1")) {
                assertTrue(Files.isRegularFile(home.resolve(file)), file + " in the zip");
            }
            try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
                List<String> jars = lib.map(p -> p.getFileName().toString()).collect(Collectors.toList());
                assertTrue(jars.stream().anyMatch(j -> j.matches("cogauth-.+\\.jar")), jars.toString());
                assertTrue(jars.stream().anyMatch(j -> j.startsWith("picocli-")), jars.toString());
            }
            assertTrue(Files.readString(home.resolve("man/man1/cogauth.1")).contains(".TH \"COGAUTH\" \"1\""), "troff man page");
        }

        @Test
        void shipsTheCommittedCompletionsReadmeAndConfigSamples() throws IOException {
            assertEquals(Files.readString(Path.of("completions/cogauth.bash")), Files.readString(home.resolve("completions/cogauth.bash")));
            assertEquals(Files.exists(Path.of("README.md")), Files.exists(home.resolve("README.md")), "README.md iff the repo has one");
            assertEquals(Files.isDirectory(Path.of("config-samples")), Files.isDirectory(home.resolve("config-samples")),
                    "config-samples/ iff the repo has one");
        }

        @Test
        void shipsEveryFileItsDocumentsAndManPagesLinkTo() throws IOException {
            List<String> missing = new ArrayList<>();
            int links = 0;
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".md")) {
                        // Markdown links that stay in the install: ](path) or ](path#anchor), not URLs or mail.
                        Matcher link = Pattern.compile("\\]\\(([^)#\\s]+)[^)]*\\)").matcher(Files.readString(file));
                        while (link.find()) {
                            String target = link.group(1);
                            if (!target.matches("[a-z]+:.*")) {
                                links++;
                                if (!Files.exists(file.getParent().resolve(target))) {
                                    missing.add(home.relativize(file) + " -> " + target);
                                }
                            }
                        }
                    } else if (name.endsWith(".1")) {
                        // Man pages (troff escapes the hyphens) name the docs by their path from the install.
                        Matcher path = Pattern.compile("\\b((?:docs|bench|dist)/[A-Za-z0-9_.-]+\\.md)").matcher(Files.readString(file).replace("\\-", "-"));
                        while (path.find()) {
                            links++;
                            if (!Files.exists(home.resolve(path.group(1)))) {
                                missing.add(home.relativize(file) + " -> " + path.group(1));
                            }
                        }
                    }
                }
            }
            assertTrue(links > 5, "links found: " + links);
            assertEquals(List.of(), missing, "linked from the zip's documents but not in the zip");
        }

        @Test
        void usesWindowsLineEndingsForTheCmdLauncherOnly() throws IOException {
            assertTrue(Files.readString(home.resolve("bin/cogauth.cmd")).contains("\r\n"));
            assertFalse(Files.readString(home.resolve("bin/cogauth")).contains("\r"));
        }
    }

    @Nested
    class TheLauncher {

        @Test
        void printsTheVersionAndRuntime() throws Exception {
            Run run = cogauth(Map.of(), "--version");
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().startsWith("cogauth ") && run.out().contains("(commit "), run.toString());
            assertTrue(run.out().contains("Java " + System.getProperty("java.version")), run.toString());
            assertEquals("", run.err(), "nothing on stderr, not even JVM or CDS warnings");
        }

        @Test
        void passesArgumentsWithSpacesThroughIntact() throws Exception {
            Run run = cogauth(Map.of(), "help", "no such command");
            assertTrue(run.err().contains("no such command"), run.toString());
        }

        @Test
        void worksThroughASymlinkFromAnotherDirectory() throws Exception {
            Path bin = Files.createDirectories(temp.resolve("usr local/bin"));
            Path link = Files.createSymbolicLink(bin.resolve("cogauth"), home.resolve("bin/cogauth"));
            Run run = run(List.of(link.toString(), "--version"), Map.of());
            assertEquals(0, run.code(), run.toString());
        }

        @Test
        void findsJavaOnThePathWithoutJavaHome() throws Exception {
            Map<String, String> env = new HashMap<>();
            env.put("JAVA_HOME", null);
            env.put("PATH", Path.of(JAVA_HOME, "bin") + ":/usr/bin:/bin");
            Run run = cogauth(env, "--version");
            assertEquals(0, run.code(), run.toString());
        }

        @Test
        void saysWhatIsWrongWithABadJavaHome() throws Exception {
            Run run = cogauth(Map.of("JAVA_HOME", temp.resolve("no jdk").toString()), "--version");
            assertEquals(1, run.code(), run.toString());
            assertTrue(run.err().startsWith("cogauth: JAVA_HOME is set to") && run.err().lines().count() == 1, run.err());
        }

        @Test
        void saysJavaIsMissingWhenNeitherJavaHomeNorPathHaveIt() throws Exception {
            Map<String, String> env = new HashMap<>();
            env.put("JAVA_HOME", null);
            env.put("PATH", temp.toString() + ":/nonexistent");
            Run run = run(List.of("/bin/sh", home.resolve("bin/cogauth").toString(), "--version"), env);
            assertEquals(1, run.code(), run.toString());
            assertTrue(run.err().contains("no java on PATH"), run.err());
        }
    }

    @Nested
    class ClassDataSharing {

        @Test
        void createsAnArchiveOnTheFirstRunAndUsesItOnTheNext() throws Exception {
            // `help signin`, not `--version`: that one alone is answered without picocli (Main's shortcut).
            assertEquals(0, cogauth(Map.of(), "help", "signin").code());
            List<Path> archives = archives();
            assertEquals(1, archives.size(), "one archive after the first run: " + archives);

            Path log = Files.createTempFile("classload", ".log");
            Run second = cogauth(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "help", "signin");
            assertEquals(0, second.code(), second.toString());
            String classLoads = Files.readString(log);
            assertTrue(classLoads.contains("dev.cogauth.cli.Main source: shared objects file (top)"),
                    "the second run loads cogauth's classes from the dynamic archive");
            // picocli's own jar has Java 5 class files, which JDK 17 cannot archive: the zip ships it rebuilt.
            assertTrue(classLoads.contains("picocli.CommandLine source: shared objects file (top)"),
                    "the second run loads picocli from the dynamic archive too");
            assertEquals(archives, archives(), "the archive is reused, not remade");
            Files.delete(log);
        }

        @Test
        void keepsOneArchivePerCommandAndNoneFromAFailedOrHelpOnlyRun() throws Exception {
            assertEquals(0, cogauth(Map.of(), "signin", "--help").code());
            assertEquals(List.of(), archives(), "signin --help does not fix signin's archive");
            assertEquals(0, cogauth(Map.of(), "--version").code());
            assertEquals(0, cogauth(Map.of(), "help", "signin").code());
            assertEquals(2, cogauth(Map.of(), "no-such-command").code());
            assertEquals(2, cogauth(Map.of(), "signin", "--no-such-option").code());
            List<String> names = archives().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
            assertEquals(2, names.size(), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-main.jsa")) && names.stream().anyMatch(n -> n.endsWith("-help.jsa")),
                    names.toString());
        }

        @Test
        void makesTheArchiveAnewOnceWhenAJarChanges() throws Exception {
            assertEquals(0, cogauth(Map.of(), "--version").code());
            Path archive = archives().get(0);
            FileTime first = Files.getLastModifiedTime(archive);
            Path jar;
            try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
                jar = lib.filter(p -> p.getFileName().toString().startsWith("cogauth-")).findFirst().orElseThrow();
            }
            // A new build unpacked over this one, made on a machine whose clock is ahead of this one's.
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(120)));
            assertEquals(0, cogauth(Map.of(), "--version").code());
            assertEquals(List.of(archive), archives(), "the command's archive, made anew in its place");
            FileTime remade = Files.getLastModifiedTime(archive);
            assertTrue(remade.compareTo(first) > 0, "remade: " + first + " then " + remade);

            Path log = temp.resolve("classes.log");
            assertEquals(0, cogauth(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "--version").code());
            assertEquals(remade, Files.getLastModifiedTime(archive), "used, not made again on every run");
            assertTrue(Files.readString(log).contains("dev.cogauth.cli.Main source: shared objects file"),
                    "the remade archive is used");
        }

        @Test
        void stillRunsWhenTheCacheCannotBeCreated() throws Exception {
            // A regular file where the cache directory should be: mkdir fails even for root.
            Path blocker = Files.writeString(temp.resolve("not a dir"), "");
            Run run = cogauth(Map.of("XDG_CACHE_HOME", blocker.resolve("cache").toString()), "--version");
            assertEquals(0, run.code(), run.toString());
            assertEquals("", run.err());
            assertTrue(run.out().startsWith("cogauth "), run.toString());
        }

        @Test
        void stillRunsWhenTheCacheDirectoryIsReadOnly() throws Exception {
            Path cds = Files.createDirectories(zip.cacheDir());
            assertTrue(cds.toFile().setWritable(false, false));
            try {
                Run run = cogauth(Map.of(), "--version");
                assertEquals(0, run.code(), run.toString());
                assertEquals("", run.err());
            } finally {
                assertTrue(cds.toFile().setWritable(true));
            }
        }

        @Test
        void stillRunsWithSpacesInTheCachePathToo() throws Exception {
            Map<String, String> env = Map.of("XDG_CACHE_HOME", temp.resolve("my cache").toString());
            for (int run = 0; run < 2; run++) {
                Run result = cogauth(env, "--version");
                assertEquals(0, result.code(), result.toString());
                assertEquals("", result.err());
            }
        }

        @Test
        void canBeTurnedOff() throws Exception {
            assertEquals(0, cogauth(Map.of("COGAUTH_CDS", "off"), "--version").code());
            assertEquals(List.of(), archives());
        }

        private List<Path> archives() throws IOException {
            return zip.caches();
        }
    }

    @Test
    void theBuildJarStillRunsWithJavaDashJar() throws Exception {
        Path jar = Path.of(System.getProperty("cogauth.jar", "target/cogauth.jar"));
        Run run = run(List.of(Path.of(JAVA_HOME, "bin", "java").toString(), "-jar", jar.toString(), "--version"), Map.of());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().startsWith("cogauth "), run.toString());
    }

    private Run cogauth(Map<String, String> env, String... args) throws Exception {
        return zip.cogauth(env, args);
    }

    private Run run(List<String> command, Map<String, String> env) throws Exception {
        return Installed.run(command, zip.withCache(env), null);
    }
}
