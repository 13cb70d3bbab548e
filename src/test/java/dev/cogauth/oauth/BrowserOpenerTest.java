package dev.cogauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserOpenerTest {

    @Test
    void browser_env_comes_first_then_the_platform_opener() {
        assertEquals(List.of(List.of("firefox", "--new-window"), List.of("chromium"), List.of("xdg-open")),
                BrowserOpener.commands(Optional.of("firefox --new-window:chromium"), "Linux"));
        assertEquals(List.of(List.of("open")), BrowserOpener.commands(Optional.empty(), "Mac OS X"));
        assertEquals(List.of(List.of("rundll32", "url.dll,FileProtocolHandler")),
                BrowserOpener.commands(Optional.empty(), "Windows 11"));
    }

    @Test
    void runs_the_command_with_the_url_as_its_last_argument(@TempDir Path dir) throws Exception {
        Path seen = dir.resolve("seen");
        Path script = script(dir, "printf '%s|%s' \"$1\" \"$2\" > '" + seen + "'");
        URI url = URI.create("http://127.0.0.1:1/oauth2/authorize?a=1&b=2");
        assertTrue(new BrowserOpener(List.of(List.of(script.toString(), "--flag")), Map.of(), message -> { }).open(url).opened());
        assertEquals("--flag|" + url, Files.readString(seen));
    }

    @Test
    void a_failing_or_missing_command_is_not_an_open_browser_and_says_why(@TempDir Path dir) throws Exception {
        Path failing = script(dir, "echo 'first line' >&2; printf 'no display: cannot open\\033]0;X\\007\\n' >&2; exit 3");
        Path missing = dir.resolve("none");
        BrowserOpener.Outcome outcome = new BrowserOpener(List.of(List.of(failing.toString()),
                List.of(missing.toString())), Map.of(), message -> { }).open(URI.create("http://127.0.0.1:1/"));
        assertFalse(outcome.opened());
        assertEquals(2, outcome.failures().size(), outcome.failures().toString());
        assertEquals(failing + " exited with 3: no display: cannot open?]0;X?", outcome.failures().get(0));
        assertTrue(outcome.failures().get(1).startsWith("cannot run " + missing + ": "), outcome.failures().get(1));
    }

    @Test
    void the_command_gets_the_environment_it_is_given_and_nothing_of_cogauths(@TempDir Path dir) throws Exception {
        Path seen = dir.resolve("env");
        Path script = script(dir, "/usr/bin/env > '" + seen + "'");
        assertTrue(new BrowserOpener(List.of(List.of(script.toString())), Map.of("GIVEN", "yes"), message -> { })
                .open(URI.create("http://127.0.0.1:1/")).opened());
        List<String> seenEnv = Files.readAllLines(seen);
        assertTrue(seenEnv.contains("GIVEN=yes"), seenEnv.toString());
        assertFalse(seenEnv.stream().anyMatch(line -> line.startsWith("PATH=") || line.startsWith("HOME=")),
                "only what was given (and what sh adds itself): " + seenEnv);
    }

    private static Path script(Path dir, String body) throws IOException {
        Path script = Files.createTempFile(dir, "browser", ".sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        script.toFile().setExecutable(true);
        return script;
    }
}
