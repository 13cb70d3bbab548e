package dev.cogauth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.flow.PromptContext;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What cogauth tells an answer command and makes of what it says: the JSON question on its
 * stdin and the one-line failure messages. Pure, so the contract is tested without processes.
 */
final class AnswerCommand {
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

    private static String stderrPart(String lastStderrLine) {
        return lastStderrLine == null || lastStderrLine.isBlank() ? "; it wrote nothing on stderr"
                : "; its last stderr line: " + lastStderrLine.strip();
    }
}
