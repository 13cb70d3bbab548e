package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A program the ITs need from PATH (moto_server, tmux). On a developer machine a missing one
 * skips the tests with the reason; with CI=true it fails them, so CI can't go green by skipping.
 */
final class RequiredTool {
    private RequiredTool() {
    }

    /** The program's path; skips or fails the calling test (class) when it is not on PATH. */
    static Path require(String name, String purpose) {
        Optional<Path> found = find(name);
        if (found.isEmpty()) {
            String reason = name + " is not on PATH; it is needed for " + purpose;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " (CI=true: install it rather than skip these tests)");
            }
            // Maven's summary doesn't show why a whole class was skipped; the build log will.
            System.err.println("[WARNING] SKIPPED: " + reason + " (with CI=true this fails)");
            Assumptions.abort(reason + " (skipped; with CI=true this fails)");
        }
        return found.get();
    }

    static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
