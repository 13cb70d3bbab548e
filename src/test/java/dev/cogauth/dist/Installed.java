package dev.cogauth.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;

/** An unpacked distribution (the zip or the runtime image), run through its bin/cogauth as a user would. */
final class Installed {

    /** The newest JDK the build was given (-Dimage.jdk, JDK 24+): failsafe's {@code cogauth.newest.jdk}. */
    static final String NEWEST_JDK = System.getProperty("cogauth.newest.jdk", "");

    final Path home;
    private final Path cache;

    private Installed(Path home, Path cache) {
        this.home = home;
        this.cache = cache;
    }

    /** Unzips the zip into {@code root} (one top-level directory) and uses {@code cache} as XDG_CACHE_HOME. */
    static Installed unzip(Path zipFile, Path root, Path cache) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(root), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        Path home;
        try (Stream<Path> top = Files.list(root)) {
            home = top.findFirst().orElseThrow();
        }
        assertTrue(home.resolve("bin/cogauth").toFile().setExecutable(true));
        return new Installed(home, cache);
    }

    /** Unpacks a tar.gz with tar, which keeps the runtime's file modes. */
    static Installed untar(Path tarball, Path root, Path cache) throws Exception {
        Files.createDirectories(root);
        Run untar = run(List.of("tar", "-xzf", tarball.toString(), "-C", root.toString()), Map.of(), null);
        assertTrue(untar.code == 0, untar.toString());
        try (Stream<Path> top = Files.list(root)) {
            return new Installed(top.findFirst().orElseThrow(), cache);
        }
    }

    /** The newest JDK's home; skips the calling test without one, or fails it with CI=true. */
    static String newestJdk() {
        if (NEWEST_JDK.isEmpty() || !Files.isExecutable(Path.of(NEWEST_JDK, "bin", "java"))) {
            String reason = "no JDK 24+ given to the build (-Dimage.jdk=JAVA_HOME, see dist/README.md)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " (CI=true: give one rather than skip these tests)");
            }
            System.err.println("[WARNING] SKIPPED: " + reason + " (with CI=true this fails)");
            Assumptions.abort(reason);
        }
        return NEWEST_JDK;
    }

    Path launcher() {
        return home.resolve("bin/cogauth");
    }

    /** The cache files (the launcher's cache directory, sorted), without the JDK 17 jar copies. */
    List<Path> caches() throws IOException {
        Path dir = cacheDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("lib-")).sorted().toList();
        }
    }

    Path cacheDir() {
        return cache.resolve("cogauth/cds");
    }

    Run cogauth(Map<String, String> env, String... args) throws Exception {
        return cogauth(env, null, args);
    }

    Run cogauth(Map<String, String> env, Path stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(args));
        return run(command, withCache(env), stdin);
    }

    /**
     * The launcher started in a session of its own (setsid), as the leader of the process group Ctrl-C would reach, with
     * SIGINT's default disposition whatever the tests inherited: a shell starts background jobs with SIGINT ignored, an
     * ignored signal stays ignored across exec, and no shell can undo that (POSIX: a signal ignored on entry cannot be
     * trapped or reset). Perl can; it is Essential on Debian and Ubuntu, so every CI machine has it.
     */
    Process startInOwnSession(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid", "perl", "-e",
                "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\"", launcher().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = builder(command, withCache(env), null);
        return builder.start();
    }

    Map<String, String> withCache(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>();
        all.put("XDG_CACHE_HOME", cache.toString());
        all.putAll(env);
        return all;
    }

    /** Runs with JAVA_HOME set to this JVM's unless env says otherwise (a null value unsets); stdin from the file or /dev/null. */
    static Run run(List<String> command, Map<String, String> env, Path stdin) throws Exception {
        Process process = builder(command, env, stdin).start();
        String out = read(process.getInputStream());
        String err = read(process.getErrorStream());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
        return new Run(process.exitValue(), out, err);
    }

    private static ProcessBuilder builder(List<String> command, Map<String, String> env, Path stdin) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(stdin == null ? new java.io.File("/dev/null") : stdin.toFile()));
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA_OPTS");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        env.forEach((key, value) -> {
            if (value == null) {
                environment.remove(key);
            } else {
                environment.put(key, value);
            }
        });
        return builder;
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
