package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another project's tests using cogauth as a test dependency (src/it/junit-consumer): the packaged
 * jar installed into a throwaway local repository, then that project's {@code mvn test}, whose
 * tests take a pool from {@code @LocalCognitoPool} and sign in with the AWS SDK and cogauth. The
 * throwaway repository fills from this machine's Maven repository through a file mirror, so
 * nothing is downloaded and ~/.m2 is not written.
 */
class JunitConsumerIT {

    @TempDir
    Path temp;

    @Test
    void anotherProjectsTestsGetALocalPoolFromTheAnnotation() throws Exception {
        String mavenHome = System.getProperty("maven.home");
        String version = System.getProperty("cogauth.version");
        if (mavenHome == null || version == null) {
            fail("system properties maven.home and cogauth.version must be set (run the ITs with mvn verify)");
        }
        String mvn = Path.of(mavenHome, "bin", "mvn").toString();
        Path repository = temp.resolve("repository");
        Path settings = Files.writeString(temp.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>this-machine</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(System.getProperty("user.home"), ".m2", "repository").toUri()));
        List<String> maven = List.of(mvn, "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + repository);

        ProcessRun installed = run(temp, maven, "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file",
                "-Dfile=" + Cogauth.jar(), "-DpomFile=" + Path.of("pom.xml").toAbsolutePath(),
                "-Dpackaging=jar");
        assertEquals(0, installed.code(), installed.toString());

        Path consumer = temp.resolve("junit-consumer");
        copy(Path.of("src/it/junit-consumer"), consumer);
        ProcessRun tested = run(consumer, maven, "-Dcogauth.version=" + version, "test");
        assertEquals(0, tested.code(), tested.toString());
        assertTrue(tested.out().contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), tested.out());
    }

    private static ProcessRun run(Path directory, List<String> maven, String... args) throws IOException {
        List<String> command = new ArrayList<>(maven);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().remove("MAVEN_ARGS");
        Path log = Files.createTempFile(directory, "mvn-", ".log");
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // A whole Maven build on a loaded machine: a generous outer bound, not a speed requirement.
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("mvn did not finish within 15 minutes:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new ProcessRun(process.exitValue(), Files.readString(log), "");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
