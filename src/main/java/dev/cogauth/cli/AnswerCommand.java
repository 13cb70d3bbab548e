package dev.cogauth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.flow.PromptContext;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What cogauth tells an answer command and makes of what it says: the JSON question on its
 * stdin and the one-line failure messages. Pure, so the contract is tested without processes.
 */
final class AnswerCommand {
    /** An answer is a code, a choice or a custom answer: 64 KiB is plenty; more is a runaway program. */
    static final int STDOUT_CAP = 64 * 1024;
    /** What may pass through to cogauth's stderr per question. */
    static final int STDERR_CAP = 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnswerCommand() {
    }

    /** {"challenge", "username", "round", "parameters", "available" (selections only)} on one line. */
    static String question(PromptContext context) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("challenge", context.challenge());
        json.put("username", context.username());
        json.put("round", context.round());
        ObjectNode parameters = json.putObject("parameters");
        new TreeMap<>(context.parameters()).forEach(parameters::put);
        if (!context.available().isEmpty()) {
            context.available().forEach(json.putArray("available")::add);
        }
        return json.toString();
    }

    /** The program for a command line: {@code sh -c}, or {@code cmd /c} on Windows. */
    static String[] shell(String command, String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows")
                ? new String[] {"cmd", "/c", command}
                : new String[] {"sh", "-c", command};
    }

    /**
     * Its environment: cogauth's own (the program's PATH and HOME) without the secrets cogauth read from it
     * ({@link SecretVariables}), plus {@code COGAUTH_CHALLENGE}.
     */
    static Map<String, String> environment(Map<String, String> inherited, String challenge) {
        Map<String, String> environment = SecretVariables.withheldFrom(inherited);
        environment.put("COGAUTH_CHALLENGE", challenge);
        return environment;
    }

    static String failed(String challenge, int status, String lastStderrLine) {
        return "the answer command failed answering " + challenge + " (exit status " + status + ")"
                + stderrPart(lastStderrLine);
    }

    static String silent(String challenge, String lastStderrLine) {
        return "the answer command printed no answer for " + challenge + " (exit status 0)" + stderrPart(lastStderrLine);
    }

    static String timedOut(String challenge, long seconds, String lastStderrLine) {
        return "the answer command did not answer " + challenge + " within " + seconds
                + " s (--answer-timeout) and was stopped" + stderrPart(lastStderrLine);
    }

    static String tooMuch(String challenge, String stream) {
        return "the answer command wrote more than " + (stream.equals("stdout") ? STDOUT_CAP : STDERR_CAP) / 1024
                + " KiB on " + stream + " answering " + challenge + " and was stopped";
    }

    private static String stderrPart(String lastStderrLine) {
        return lastStderrLine == null || lastStderrLine.isBlank() ? "; it wrote nothing on stderr"
                : "; its last stderr line: " + lastStderrLine.strip();
    }
}
