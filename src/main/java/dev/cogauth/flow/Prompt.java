package dev.cogauth.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * One question to the user.
 *
 * @param kind    what is asked
 * @param label   the short prompt text, e.g. "Password" or "What is 6 times 7?"
 * @param details lines to show before the prompt (challenge parameters, a TOTP secret, numbered choices)
 * @param round   the custom-challenge round this belongs to, or 0
 * @param confirm whether a terminal should ask twice (new passwords)
 * @param choices for a {@link PromptKind#CHOICE}, the options in order (the answer is a name or a
 *                1-based number); empty otherwise
 * @param context the challenge this answers, for an answer command; null for the username and passwords
 */
public record Prompt(PromptKind kind, String label, List<String> details, int round, boolean confirm,
                     List<String> choices, PromptContext context) {

    public Prompt {
        details = List.copyOf(details);
        choices = List.copyOf(choices);
    }

    public Prompt(PromptKind kind, String label, List<String> details, int round, boolean confirm) {
        this(kind, label, details, round, confirm, List.of(), null);
    }

    public static Prompt of(PromptKind kind, String label) {
        return new Prompt(kind, label, List.of(), 0, false);
    }

    /** A choice among options shown as numbered lines, answered by number or name. */
    static Prompt choice(String label, List<String> choices, PromptContext context) {
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            numbered.add((i + 1) + ") " + choices.get(i));
        }
        return new Prompt(PromptKind.CHOICE, label, numbered, 0, false, choices, context);
    }

    /** The same prompt, marked as answering a challenge. */
    Prompt about(PromptContext challenge) {
        return new Prompt(kind, label, details, round, confirm, choices, challenge);
    }

    /** What was being asked, for "stdin ended while asking for ..." messages. */
    public String description() {
        return round > 0 ? label + " (round " + round + ")" : label;
    }
}
