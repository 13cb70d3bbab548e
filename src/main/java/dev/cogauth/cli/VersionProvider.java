package dev.cogauth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the tool's version, the git commit it was built from, and the Java runtime. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return describe(buildInfo(), System.getProperties());
    }

    /**
     * The lines picocli would print for {@code args}, when they are {@code --version} or {@code -V} alone and the lines
     * are plain text (no {@code %} that picocli's formatting would read, no {@code @|} markup); else empty, for picocli.
     */
    static Optional<String[]> alone(String... args) {
        if (args.length != 1 || !(args[0].equals("--version") || args[0].equals("-V"))) {
            return Optional.empty();
        }
        return ifPlain(new VersionProvider().getVersion());
    }

    static Optional<String[]> ifPlain(String[] lines) {
        boolean plain = Arrays.stream(lines).noneMatch(line -> line.contains("%") || line.contains("@|"));
        return plain ? Optional.of(lines) : Optional.empty();
    }

    /** The version lines for build info (from version.properties) and the runtime's system properties. */
    static String[] describe(Properties build, Properties system) {
        String commit = known(build.getProperty("commit"));
        String source = commit == null ? "commit unknown"
                : "commit " + commit + ("true".equals(build.getProperty("dirty")) ? ", modified" : "");
        String version = known(build.getProperty("version"));
        return new String[] {
            "cogauth " + (version == null ? "dev" : version) + " (" + source + ")",
            "Java " + system.getProperty("java.version", "?")
                    + " (" + system.getProperty("java.vm.name", "?") + ", " + system.getProperty("java.vendor", "?") + ")",
        };
    }

    /** Null for a missing value or a placeholder the build left unfiltered (no git metadata). */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? null : value.trim();
    }

    private static Properties buildInfo() {
        Properties build = new Properties();
        // The path is relative to this package; the native image's resource-config.json must include it.
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // --version must always answer; an unreadable resource only makes the commit "unknown".
        }
        return build;
    }
}
