package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnknownArgumentsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "--user alice                  | unknown option --user",
        "--user=alice                  | unknown option --user",
        "--frobnicate                  | unknown option --frobnicate",
        "--foo 1 --bar 2               | unknown options --foo, --bar",
        "-x value                      | unknown option -x",
        "-xvalue                       | unknown option -x",
        "sigin                         | unexpected argument 'sigin'",
        "one two                       | unexpected arguments 'one', 'two'",
    })
    void namesTheOptionsNeverTheirValues(String arguments, String expected) {
        assertEquals(expected, UnknownArguments.describe(List.of(arguments.split(" "))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "--password S3cret-Flag1       | COGAUTH_PASSWORD",
        "--password=S3cret-Flag1       | COGAUTH_PASSWORD",
        "--pass S3cret-Flag1           | COGAUTH_PASSWORD",
        "--user-password S3cret-Flag1  | COGAUTH_PASSWORD",
        "--client-secret S3cret-Flag1  | COGAUTH_CLIENT_SECRET",
        "--client_secret S3cret-Flag1  | COGAUTH_CLIENT_SECRET",
        "--secret S3cret-Flag1         | COGAUTH_CLIENT_SECRET",
        "--answer S3cret-Flag1         | stdin",
    })
    void aSecretLikeOptionSaysHowToPassTheSecretAndNeverEchoesIt(String arguments, String way) {
        String line = UnknownArguments.describe(List.of(arguments.split(" ")));
        assertFalse(line.contains("S3cret-Flag1"), line);
        assertTrue(line.contains(way), line);
        assertTrue(line.startsWith("unknown option --"), line);
    }

    @ParameterizedTest
    @CsvSource({"--user", "--region-name", "--output-file"})
    void otherNamesGetNoSecretHint(String option) {
        assertTrue(UnknownArguments.secretHint(option).isEmpty(), option);
    }
}
