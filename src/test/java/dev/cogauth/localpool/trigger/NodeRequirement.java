package dev.cogauth.localpool.trigger;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Tests that run Node.js handlers need {@code node}: skipped visibly without it, failed on CI. */
final class NodeRequirement {

    private static Boolean nodeRuns;

    private NodeRequirement() {
    }

    static synchronized void assumeNodeOnPath() {
        if (nodeRuns == null) {
            nodeRuns = nodeRuns();
        }
        if (nodeRuns) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("node not on PATH, and CI=true: Node.js 18 or newer is required to test the trigger host");
        }
        Assumptions.assumeTrue(false, "node not on PATH");
    }

    private static boolean nodeRuns() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
