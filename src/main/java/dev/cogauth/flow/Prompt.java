package dev.cogauth.flow;

import java.util.List;

/**
 * One question to the user.
 *
 * @param kind    what is asked
 * @param label   the short prompt text, e.g. "Password" or "What is 6 times 7?"
 * @param details lines to show before the prompt (challenge parameters, a TOTP secret)
 * @param round   the custom-challenge round this belongs to, or 0
 * @param confirm whether a terminal should ask twice (new passwords)
 */
public record Prompt(PromptKind kind, String label, List<String> details, int round, boolean confirm) {

    public Prompt {
        details = List.copyOf(details);
    }

    public static Prompt of(PromptKind kind, String label) {
        return new Prompt(kind, label, List.of(), 0, false);
    }

    /** What was being asked, for "stdin ended while asking for ..." messages. */
    public String description() {
        return round > 0 ? label + " (round " + round + ")" : label;
    }
}
