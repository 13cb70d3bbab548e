package dev.cogauth.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.dist.Installed.Run;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime image (target/cogauth-VERSION-PLATFORM.tar.gz, built with -Dimage.jdk), unpacked as a user without a JDK
 * would: every command runs on its trimmed runtime (a module jlink left out shows as a missing class, exit 1), each hot
 * command with its own ahead-of-time cache made at build time, and still runs when a cache is broken or unreadable or
 * the install is read-only.
 */
@DisabledIfSystemProperty(named = "cogauth.executable", matches = ".+",
        disabledReason = "the jlink runtime image, another distribution than the native binary: it runs in the JVM pass")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeImageIT {

    private static final Path TARBALL = Path.of(System.getProperty("cogauth.image", "target/cogauth-0.1.0-SNAPSHOT-linux-x86_64.tar.gz"));
    private static final List<String> COMMANDS = List.of("signin", "token", "refresh", "signout", "status", "credentials",
            "exec-credential", "configure", "local-pool", "demo", "help");
    /** The commands trained at build time (dist/image.sh), each with its cache lib/aot/COMMAND.aot; "main": no subcommand. */
    private static final List<String> TRAINED = List.of("main", "signin", "token", "status", "exec-credential");

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
        for (String command : TRAINED) {
            assertTrue(Files.isRegularFile(builtCache(command)), command + "'s AOT cache made at build time");
        }
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
    void eachTrainedCommandMapsItsOwnBuiltCache() throws Exception {
        Map<String, List<String>> runs = new LinkedHashMap<>();
        // signin first, stored: the others read its tokens.
        runs.put("signin", List.of("signin", "-c", poolConfig.toString(), "-u", "demo", "--auth-flow", "CUSTOM_WITH_SRP", "-o", "json"));
        runs.put("token", List.of("token"));
        runs.put("status", List.of("status"));
        runs.put("exec-credential", List.of("exec-credential"));
        runs.put("main", List.of("--version"));
        Map<String, String> logs = new HashMap<>();
        for (Map.Entry<String, List<String>> run : runs.entrySet()) {
            String command = run.getKey();
            Path log = temp.resolve(command + "-aot.log");
            Map<String, String> env = env();
            env.put("JAVA_OPTS", "-Xlog:aot=info,class+load=info:file=" + log);
            Run done = image.cogauth(env, answer, run.getValue().toArray(String[]::new));
            assertEquals(0, done.code(), command + ": " + done);
            String logged = Files.readString(log);
            assertTrue(logged.contains("Opened AOT cache " + builtCache(command).toRealPath() + "."), command + " maps its own cache");
            assertTrue(logged.contains("dev.cogauth.cli.Main source: shared objects file"), command + ": Main from the cache");
            logs.put(command, logged);
        }
        assertTrue(logs.get("signin").contains(
                "software.amazon.awssdk.services.cognitoidentityprovider.DefaultCognitoIdentityProviderClient source: shared objects file"),
                "signin's AWS SDK client from its cache");
        assertFalse(logs.get("token").contains(" software.amazon."), "token maps and loads no AWS SDK class");
        long token = classesLoaded(logs.get("token"));
        long signin = classesLoaded(logs.get("signin"));
        assertTrue(2 * token < signin, "token loads far fewer classes than signin: " + token + " against " + signin);

        List<String> made = image.caches().stream().map(p -> p.getFileName().toString()).toList();
        for (String command : TRAINED) {
            assertFalse(made.stream().anyMatch(name -> name.endsWith("-" + command + ".aot")),
                    command + " makes no cache of its own: " + made);
        }
        assertTrue(made.stream().anyMatch(name -> name.endsWith("-refresh.aot")), "an untrained command gets the zip's cache: " + made);
    }

    @Test
    @Order(6)
    void runsFromAReadOnlyInstallWithBrokenOrUnreadableCaches() throws Exception {
        Path built = image.home.resolve("lib/aot");
        // Replaced, not rewritten in place: a running JVM has its cache mapped (rewriting it would crash it).
        Path good = Files.move(built, temp.resolve("good-aot"));
        try {
            Files.createDirectories(built);
            Files.write(built.resolve("main.aot"), new byte[8192]);
            byte[] token = Files.readAllBytes(good.resolve("token.aot"));
            Files.write(built.resolve("token.aot"), Arrays.copyOf(token, token.length / 2));
            Files.createDirectories(built.resolve("status.aot"));
            Files.createSymbolicLink(built.resolve("exec-credential.aot"), temp.resolve("nowhere.aot"));
            setWritable(image.home, false);
            for (String[] args : List.of(new String[] {"--version"}, new String[] {"token"}, new String[] {"status"},
                    new String[] {"exec-credential"})) {
                Map<String, String> off = env();
                off.put("COGAUTH_CDS", "off");
                Run without = image.cogauth(off, null, args);
                Run run = cogauth(args);
                assertEquals(0, run.code(), run.toString());
                assertEquals("", run.err(), args[0] + ": nothing about the broken cache");
                if (!args[0].equals("status")) {
                    assertEquals(without.out(), run.out(), args[0] + " prints what it prints without a cache");
                }
            }
        } finally {
            setWritable(image.home, true);
            try (Stream<Path> broken = Files.walk(built)) {
                for (Path path : broken.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
            Files.move(good, built);
        }
    }

    private static Path builtCache(String command) {
        return image.home.resolve("lib/aot/" + command + ".aot");
    }

    private static long classesLoaded(String log) {
        return log.lines().filter(line -> line.contains(" source: ")).count();
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
