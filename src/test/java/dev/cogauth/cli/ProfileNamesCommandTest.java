package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hidden command the shell completions ask for profile names. */
class ProfileNamesCommandTest {

    @TempDir
    Path configHome;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CliContext context = CliContext.of(Map.of("XDG_CONFIG_HOME", configHome.toString()),
                InputStream.nullInputStream(), Clock.systemUTC());
        int code = Main.run(context, new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        assertEquals(ExitCode.OK, code, String.join(" ", args));
        return out.toString();
    }

    @Test
    void printsNothingBeforeAnyProfileIsSaved() {
        assertEquals("", run("_profiles"));
    }

    @Test
    void printsEverySavedProfileOneALine() {
        run("configure", "--profile", "dev", "--pool-id", "us-east-1_Abc123", "--client-id", "abc");
        run("configure", "--profile", "prod", "--pool-id", "eu-west-1_Xyz789", "--client-id", "xyz");
        assertEquals("dev\nprod\n", run("_profiles").replace("\r\n", "\n"));
    }
}
