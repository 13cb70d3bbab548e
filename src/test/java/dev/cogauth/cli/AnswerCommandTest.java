package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cogauth.flow.PromptContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerCommandTest {

    @Test
    void aCodeQuestionHasTheChallengeUserRoundAndPublicParameters() {
        PromptContext code = new PromptContext("EMAIL_OTP", "erin", 1, Map.of("CODE_DELIVERY_DESTINATION", "e***@e***",
                "CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL"), List.of());

        assertEquals("{\"challenge\":\"EMAIL_OTP\",\"username\":\"erin\",\"round\":1,\"parameters\":"
                + "{\"CODE_DELIVERY_DELIVERY_MEDIUM\":\"EMAIL\",\"CODE_DELIVERY_DESTINATION\":\"e***@e***\"}}",
                AnswerCommand.question(code));
    }

    @Test
    void aSelectionListsWhatIsAvailableInThePoolsOrder() {
        PromptContext selection = new PromptContext("SELECT_CHALLENGE", "erin", 2, Map.of(),
                List.of("SMS_OTP", "EMAIL_OTP"));

        assertEquals("{\"challenge\":\"SELECT_CHALLENGE\",\"username\":\"erin\",\"round\":2,\"parameters\":{},"
                + "\"available\":[\"SMS_OTP\",\"EMAIL_OTP\"]}", AnswerCommand.question(selection));
    }

    @Test
    void theCommandsEnvironmentHasNoneOfTheSecretsCogauthReads() {
        Map<String, String> inherited = Map.of("PATH", "/usr/bin", "HOME", "/home/erin", "COGAUTH_PROFILE", "ci",
                "COGAUTH_PASSWORD", "pw", "COGAUTH_CLIENT_SECRET", "cs", "COGAUTH_TOTP_SECRET", "JBSWY3DP");

        assertEquals(Map.of("PATH", "/usr/bin", "HOME", "/home/erin", "COGAUTH_PROFILE", "ci",
                "COGAUTH_CHALLENGE", "EMAIL_OTP"), AnswerCommand.environment(inherited, "EMAIL_OTP"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"Linux, sh, -c", "Mac OS X, sh, -c", "Windows 11, cmd, /c", "windows server 2022, cmd, /c"})
    void theShellOfEachSystem(String osName, String shell, String flag) {
        assertArrayEquals(new String[] {shell, flag, "echo 1"}, AnswerCommand.shell("echo 1", osName));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "failed   | the answer command failed answering EMAIL_OTP (exit status 3); its last stderr line: no mail yet",
        "silent   | the answer command printed no answer for EMAIL_OTP (exit status 0); its last stderr line: no mail yet",
        "timedOut | the answer command did not answer EMAIL_OTP within 60 s (--answer-timeout) and was stopped;"
                + " its last stderr line: no mail yet",
    })
    void failuresAreOneLineNamingTheStatusAndTheLastStderrLine(String kind, String expected) {
        String message = switch (kind) {
            case "failed" -> AnswerCommand.failed("EMAIL_OTP", 3, "  no mail yet ");
            case "silent" -> AnswerCommand.silent("EMAIL_OTP", "no mail yet");
            default -> AnswerCommand.timedOut("EMAIL_OTP", 60, "no mail yet");
        };
        assertEquals(expected, message);
    }

    @Test
    void aCommandThatSaidNothingOnStderrIsToldSo() {
        assertEquals("the answer command failed answering SMS_OTP (exit status 1); it wrote nothing on stderr",
                AnswerCommand.failed("SMS_OTP", 1, null));
    }
}
