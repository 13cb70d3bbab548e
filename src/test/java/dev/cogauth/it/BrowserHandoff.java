package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@code BROWSER} command for cogauth: a script that hands the URL it is run with to the
 * test, which then opens it in the driven chromium (cogauth cannot start a browser the test
 * can drive).
 */
final class BrowserHandoff {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Path script;
    private final Path urlFile;

    private BrowserHandoff(Path script, Path urlFile) {
        this.script = script;
        this.urlFile = urlFile;
    }

    static BrowserHandoff in(Path dir) throws IOException {
        Path urlFile = dir.resolve("opened-url");
        Path script = dir.resolve("browser.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s' \"$1\" > '" + urlFile + ".tmp' && mv '" + urlFile
                + ".tmp' '" + urlFile + "'\n");
        script.toFile().setExecutable(true);
        return new BrowserHandoff(script, urlFile);
    }

    /** The value for BROWSER. */
    String command() {
        return script.toString();
    }

    /** The next URL cogauth opened (waiting for it), consumed so the next call waits for a new one. */
    URI awaitUrl() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!Files.exists(urlFile)) {
            if (Instant.now().isAfter(deadline)) {
                fail("cogauth opened no URL within " + WAIT.toSeconds() + "s");
            }
            Thread.sleep(50);
        }
        URI url = URI.create(Files.readString(urlFile).strip());
        Files.delete(urlFile);
        return url;
    }
}
