package dev.cogauth.it;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Files under src/test/resources/it (pool files, trigger handlers), as paths a process can open. */
final class ItResources {
    private ItResources() {
    }

    static Path path(String name) {
        URL url = ItResources.class.getResource("/it/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource it/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
