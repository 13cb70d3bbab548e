package dev.cogauth.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.dist.Installed.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher's per-command caches, on JDK 17 (class-data-sharing archives) and on the newest JDK the build was given
 * (ahead-of-time caches): what a first run leaves behind when it is interrupted, fails or only prints help; the pruning
 * and the size bound of the cache directory; a broken, read-only or foreign cache.
 */
class LauncherCacheIT {

    private static final Path ZIP = Path.of(System.getProperty("cogauth.zip", "target/cogauth-0.1.0-SNAPSHOT.zip"));

    @TempDir
    Path temp;
    private Installed zip;

    @BeforeEach
    void unzip() throws IOException {
        zip = Installed.unzip(ZIP, temp.resolve("install"), temp.resolve("cache"));
    }

    /** "17": the JVM running the tests (JDK 17); "newest": the JDK 24+ given to the build. */
    private static Map<String, String> jdk(String which) {
        return Map.of("JAVA_HOME", which.equals("newest") ? Installed.newestJdk() : System.getProperty("java.home"));
    }

    private static String suffix(String which) {
        return which.equals("newest") ? ".aot" : ".jsa";
    }

    @ParameterizedTest
    @ValueSource(strings = {"17", "newest"})
    void anInterruptedFirstRunLeavesNeitherTemporaryNorCache(String which) throws Exception {
        // A server that accepts and never answers holds signin in its first call: the command's real work, cut by Ctrl-C.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            silent.setSoTimeout(60_000);
            Process launcher = zip.startInOwnSession(jdk(which), "signin", "--endpoint-url",
                    "http://127.0.0.1:" + silent.getLocalPort(), "--pool-id", "us-east-1_AbCdEf123", "--client-id", "client",
                    "-u", "alice", "--no-store");
            try (Socket accepted = silent.accept()) {
                List<ProcessHandle> jvms = launcher.descendants().toList();
                // Ctrl-C reaches the terminal's whole process group: the launcher and its java alike.
                Run kill = Installed.run(List.of("/bin/sh", "-c", "kill -INT -" + launcher.pid()), Map.of(), null);
                assertEquals(0, kill.code(), kill.toString());
                assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher ended");
                for (ProcessHandle jvm : jvms) {
                    jvm.onExit().get(60, TimeUnit.SECONDS);
                }
            }
            assertEquals(130, launcher.exitValue(), Installed.read(launcher.getErrorStream()));
        }
        assertEquals(List.of(), zip.caches(), "no cache and no temporary after Ctrl-C");
    }

    @ParameterizedTest
    @ValueSource(strings = {"17", "newest"})
    void aHelpOnlyOrFailedFirstRunMakesNoCacheAndTheFirstRealRunDoes(String which) throws Exception {
        assertEquals(0, zip.cogauth(jdk(which), "signin", "--help").code());
        assertEquals(0, zip.cogauth(jdk(which), "status", "-V").code());
        assertEquals(4, zip.cogauth(jdk(which), "status").code(), "nothing cached yet");
        assertEquals(List.of(), zip.caches());

        Run version = zip.cogauth(jdk(which), "--version");
        assertEquals(0, version.code(), version.toString());
        assertEquals("", version.err(), "a training run says nothing");
        assertTrue(version.out().startsWith("cogauth ") && version.out().lines().count() == 2, "only the version on stdout: " + version);
        List<Path> caches = zip.caches();
        assertEquals(1, caches.size(), caches.toString());
        assertTrue(caches.get(0).getFileName().toString().endsWith("-main" + suffix(which)), caches.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"17", "newest"})
    void usesTheCacheOnTheNextRun(String which) throws Exception {
        assertEquals(0, zip.cogauth(jdk(which), "--version").code());
        List<Path> caches = zip.caches();
        Path log = temp.resolve("classes.log");
        Map<String, String> env = new java.util.HashMap<>(jdk(which));
        env.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        Run second = zip.cogauth(env, "--version");
        assertEquals(0, second.code(), second.toString());
        assertTrue(Files.readString(log).contains("dev.cogauth.cli.Main source: shared objects file"),
                "the second run loads cogauth's classes from the cache");
        assertEquals(caches, zip.caches(), "the cache is reused, not remade");
    }

    @ParameterizedTest
    @ValueSource(strings = {"17", "newest"})
    void prunesOtherKeysOnceADayOldAndTemporariesOfProcessesThatAreGone(String which) throws Exception {
        Path dir = Files.createDirectories(zip.cacheDir());
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        Path oldOther = aged(Files.writeString(dir.resolve("cogauth-jdk21.0.1-111-222-signin.jsa"), "x"), twoDaysAgo);
        Path oldCopies = aged(Files.createDirectories(dir.resolve("lib-111-222")), twoDaysAgo);
        Path freshOther = Files.writeString(dir.resolve("cogauth-jdk21.0.1-333-444-signin.jsa"), "x");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path deadTemporary = Files.writeString(dir.resolve("cogauth-jdk21.0.1-333-444-token.jsa." + gone.pid() + ".tmp"), "x");
        Path liveTemporary = Files.writeString(dir.resolve("cogauth-jdk21.0.1-333-444-status.jsa." + ProcessHandle.current().pid() + ".tmp"), "x");
        Path notOurs = aged(Files.writeString(dir.resolve("notes.txt"), "x"), twoDaysAgo);

        assertEquals(0, zip.cogauth(jdk(which), "--version").code());

        assertFalse(Files.exists(oldOther), "another key's archive, two days old");
        assertFalse(Files.exists(oldCopies), "another key's jar copies, two days old");
        assertFalse(Files.exists(deadTemporary), "a temporary of a process that is gone");
        assertTrue(Files.exists(freshOther), "another key's archive made today (another JDK in use)");
        assertTrue(Files.exists(liveTemporary), "a temporary of a running process");
        assertTrue(Files.exists(notOurs), "a file not of our naming");
    }

    @ParameterizedTest
    @ValueSource(strings = {"17", "newest"})
    void keepsTheDirectoryUnderItsBoundByDroppingTheOldest(String which) throws Exception {
        Path dir = Files.createDirectories(zip.cacheDir());
        Path big = Files.write(dir.resolve("cogauth-jdk21.0.1-333-444-signin.jsa"), new byte[2 << 20]);
        Map<String, String> env = new java.util.HashMap<>(jdk(which));
        env.put("COGAUTH_CACHE_MAX_MB", "1");

        assertEquals(0, zip.cogauth(env, "--version").code());
        assertFalse(Files.exists(big), "the oldest file goes first");
        List<Path> first = zip.caches();
        assertEquals(1, first.size(), "the new cache stays, though bigger than the bound: " + first);

        assertEquals(0, zip.cogauth(env, "help").code());
        List<Path> second = zip.caches();
        assertEquals(1, second.size(), second.toString());
        assertTrue(second.get(0).getFileName().toString().contains("-help."), "the newest stays: " + second);
    }

    /**
     * The cache directory is made before Java starts, by the launcher: under umask 000 it must still be 0700 (with its
     * parent, the token cache directory), or the next token command refuses a directory others can write to.
     */
    @ParameterizedTest
    @ValueSource(strings = {"17", "newest"})
    void theCacheDirectoriesAreTheOwnersOnlyUnderAnyUmask(String which) throws Exception {
        List<String> command = List.of("/bin/sh", "-c", "umask 000 && exec \"$0\" \"$@\"", zip.launcher().toString(),
                "status");
        Run status = Installed.run(command, zip.withCache(jdk(which)), null);

        assertEquals(4, status.code(), "nothing cached yet, and no refusal of the directory: " + status);
        for (Path dir : List.of(zip.cacheDir().getParent(), zip.cacheDir())) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), dir.toString());
        }
        Run again = Installed.run(command, zip.withCache(jdk(which)), null);
        assertEquals(4, again.code(), again.toString());
    }

    @Nested
    class OnJdk24AndLater {

        @Test
        void aBrokenCacheIsIgnored() throws Exception {
            assertEquals(0, zip.cogauth(jdk("newest"), "--version").code());
            Path cache = zip.caches().get(0);
            Files.write(cache, new byte[4096]);
            Run run = zip.cogauth(jdk("newest"), "--version");
            assertEquals(0, run.code(), run.toString());
            assertEquals("", run.err(), "nothing about the cache on stderr");
            assertTrue(run.out().startsWith("cogauth "), run.toString());
        }

        @Test
        void aReadOnlyCacheDirectoryIsUsedOrLeftAlone() throws Exception {
            assertEquals(0, zip.cogauth(jdk("newest"), "--version").code());
            Path cache = zip.caches().get(0);
            FileTime made = Files.getLastModifiedTime(cache);
            // (Running as root, the directory stays writable to the launcher: then help gets a cache too.)
            assertTrue(zip.cacheDir().toFile().setWritable(false, false));
            try {
                for (String command : List.of("--version", "help")) {
                    Run run = zip.cogauth(jdk("newest"), command);
                    assertEquals(0, run.code(), run.toString());
                    assertEquals("", run.err(), command);
                }
                assertEquals(made, Files.getLastModifiedTime(cache), "the cache is used, not remade");
            } finally {
                assertTrue(zip.cacheDir().toFile().setWritable(true));
            }
        }

        @Test
        void aCacheThatDoesNotFitTheJdkOrClassPathFallsBackCleanly() throws Exception {
            assertEquals(0, zip.cogauth(jdk("newest"), "--version").code());
            // The runtime image's place for a built cache of --version, holding one made for another install's class path.
            Installed other = Installed.unzip(ZIP, temp.resolve("other install"), temp.resolve("other cache"));
            Files.copy(zip.caches().get(0), Files.createDirectories(other.home.resolve("lib/aot")).resolve("main.aot"));
            for (String which : List.of("newest", "17")) {
                Run run = other.cogauth(jdk(which), "--version");
                assertEquals(0, run.code(), which + ": " + run);
                assertEquals("", run.err(), which);
                assertTrue(run.out().startsWith("cogauth "), run.toString());
            }
        }
    }

    private static Path aged(Path file, Instant when) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(when));
        return file;
    }
}
