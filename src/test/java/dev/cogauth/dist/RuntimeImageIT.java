package dev.cogauth.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.dist.Installed.Run;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime image (target/cogauth-VERSION-PLATFORM.tar.gz, built with -Dimage.jdk), unpacked as a user without a JDK
 * would: every command runs on its trimmed runtime (a module jlink left out shows as a missing class, exit 1), with the
 * ahead-of-time cache made at build time, and still runs when that cache is broken or the install is read-only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeImageIT {

    private static final Path TARBALL = Path.of(System.getProperty("cogauth.image", "target/cogauth-0.1.0-SNAPSHOT-linux-x86_64.tar.gz"));
    private static final List<String> COMMANDS = List.of("signin", "token", "refresh", "signout", "status", "credentials",
            "exec-credential", "configure", "local-pool", "demo", "help");

    @TempDir
    static Path temp;
    private static Installed image;
    private static Process pool;
    private static Path poolConfig;
    private static Path answer;

    @BeforeAll
    static void unpackAndStartAPool() throws Exception {
        Installed.newestJdk();
        assertTrue(Files.isRegularFile(TARBALL), TARBALL + " is built with -Dimage.jdk=JAVA_HOME");
        image = Installed.untar(TARBALL, temp.resolve("no jdk here"), temp.resolve("cache"));
        assertTrue(Files.isExecutable(image.home.resolve("runtime/bin/java")), "the image's own runtime");
        assertTrue(Files.isRegularFile(image.home.resolve("lib/cogauth.aot")), "the AOT cache made at build time");
        poolConfig = temp.resolve("pool.json");
        answer = Files.writeString(temp.resolve("answer"), "42\n");
        pool = new ProcessBuilder(image.launcher().toString(), "local-pool", "--write-config", poolConfig.toString())
                .redirectOutput(temp.resolve("pool.out").toFile()).redirectError(temp.resolve("pool.err").toFile()).start();
        for (int i = 0; i < 600 && !(Files.exists(poolConfig) && Files.size(poolConfig) > 0); i++) {
            assertTrue(pool.isAlive(), () -> "the image's local pool ended: " + read(temp.resolve("pool.err")));
            Thread.sleep(100);
        }
        assertTrue(Files.size(poolConfig) > 0, "the local pool wrote its config");
    }

    @AfterAll
    static void stopThePool() throws InterruptedException {
        if (pool != null) {
            pool.destroy();
            pool.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** No JDK: JAVA_HOME names nothing and PATH's java is another (17); the tokens and profiles under the temp dir. */
    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", temp.resolve("no such jdk").toString());
        env.put("HOME", temp.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", temp.resolve("config").toString());
        env.put("COGAUTH_CACHE_DIR", temp.resolve("tokens").toString());
        env.put("COGAUTH_PASSWORD", "Demo-Passw0rd!");
        return env;
    }

    private Run cogauth(String... args) throws Exception {
        return cogauth(null, args);
    }

    private Run cogauth(Path stdin, String... args) throws Exception {
        Run run = image.cogauth(env(), stdin, args);
        // A module jlink left out shows as a missing class: an internal error (exit 1) with the class in --debug.
        assertFalse(run.code() == 1 || run.err().contains("internal error") || run.err().contains("ClassNotFound")
                || run.err().contains("NoClassDefFound"), String.join(" ", args) + ": " + run);
        return run;
    }

    @Test
    @Order(1)
    void printsItsVersionOnItsOwnRuntime() throws Exception {
        Run run = cogauth("--version");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Java " + Runtime.Version.parse(version(Installed.NEWEST_JDK)).feature()), run.toString());
        assertEquals("", run.err());
    }

    @Test
    @Order(2)
    void printsEveryCommandsHelp() throws Exception {
        assertEquals(0, cogauth("--help").code());
        for (String command : COMMANDS) {
            Run run = cogauth(command, "--help");
            assertEquals(0, run.code(), command + ": " + run);
            assertTrue(run.out().startsWith("Usage: cogauth " + command) || command.equals("help"), run.toString());
        }
    }

    @Test
    @Order(3)
    void runsEveryCommandAgainstALocalPool() throws Exception {
        String config = poolConfig.toString();
        Run signin = cogauth(answer, "signin", "-c", config, "-u", "demo", "--auth-flow", "CUSTOM_WITH_SRP", "-o", "json");
        assertEquals(0, signin.code(), signin.toString());
        assertTrue(signin.out().contains("\"IdToken\""), signin.toString());

        Run token = cogauth("token");
        assertEquals(0, token.code(), token.toString());
        assertTrue(token.out().startsWith("eyJ"), token.toString());
        assertEquals(0, cogauth("status").code());
        Run exec = cogauth("exec-credential");
        assertEquals(0, exec.code(), exec.toString());
        assertTrue(exec.out().contains("ExecCredential"), exec.toString());
        assertEquals(0, cogauth("refresh").code());
        try (ServerSocket closed = new ServerSocket(0)) {
            String nowhere = "http://127.0.0.1:" + closed.getLocalPort();
            closed.close();
            // The identity-pool client is built and called; nothing answers: network trouble, exit 6.
            Run credentials = cogauth("credentials", "--identity-pool-id", "us-east-1:00000000-0000-0000-0000-000000000000",
                    "--identity-endpoint-url", nowhere);
            assertEquals(6, credentials.code(), credentials.toString());
        }
        assertEquals(0, cogauth("configure", "-p", "local", "-c", config, "-u", "demo").code());
        Run profiles = cogauth("configure", "--list");
        assertEquals(0, profiles.code(), profiles.toString());
        assertTrue(profiles.out().contains("local"), profiles.toString());
        assertEquals(0, cogauth("signout").code());
        assertEquals(4, cogauth("token").code(), "signed out: a sign-in is needed");
        assertEquals(0, cogauth("help", "signin").code());
    }

    @Test
    @Order(4)
    void runsTheDemoForANewcomer() throws Exception {
        Path input = Files.writeString(temp.resolve("demo-input"), "demo\nDemo-Passw0rd!\n42\n");
        Run demo = cogauth(input, "demo");
        assertEquals(0, demo.code(), demo.toString());
        assertTrue(demo.out().contains("\"IdToken\""), demo.toString());
    }

    @Test
    @Order(5)
    void loadsTheTrainedCommandsClassesFromTheBuiltCache() throws Exception {
        Path log = temp.resolve("signin-classes.log");
        Map<String, String> env = env();
        env.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        Run signin = image.cogauth(env, answer, "signin", "-c", poolConfig.toString(), "-u", "demo", "--no-store", "-o", "json");
        assertEquals(0, signin.code(), signin.toString());
        String classes = Files.readString(log);
        for (String loaded : List.of("dev.cogauth.cli.Main", "picocli.CommandLine",
                "software.amazon.awssdk.services.cognitoidentityprovider.DefaultCognitoIdentityProviderClient")) {
            assertTrue(classes.contains(loaded + " source: shared objects file"), loaded + " from the AOT cache");
        }
        assertEquals(List.of(), image.caches(), "no per-command cache beside the built one");
    }

    @Test
    @Order(6)
    void runsFromAReadOnlyInstallAndWithABrokenCache() throws Exception {
        Path cache = image.home.resolve("lib/cogauth.aot");
        Path good = Files.move(cache, temp.resolve("good.aot"));
        try {
            // Replaced, not rewritten in place: the running local pool has the cache mapped (rewriting it would crash it).
            Files.write(cache, new byte[8192]);
            setWritable(image.home, false);
            Run run = cogauth("--version");
            assertEquals(0, run.code(), run.toString());
            assertEquals("", run.err(), "nothing about the broken cache");
            Run token = cogauth("token");
            assertEquals(4, token.code(), token.toString());
        } finally {
            setWritable(image.home, true);
            Files.move(good, cache, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void setWritable(Path root, boolean writable) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            all.forEach(p -> p.toFile().setWritable(writable, false));
        }
    }

    private static String version(String jdk) throws IOException {
        for (String line : Files.readAllLines(Path.of(jdk, "release"))) {
            if (line.startsWith("JAVA_VERSION=")) {
                return line.substring("JAVA_VERSION=".length()).replace("\"", "");
            }
        }
        throw new IllegalStateException("no JAVA_VERSION in " + jdk + "/release");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
