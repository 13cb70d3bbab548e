package dev.cogauth.cli;

import dev.cogauth.flow.Prompt;

/** The text before the cursor: "[round 2] What is 6 times 7? ". */
final class PromptText {
    private PromptText() {
    }

    static String of(Prompt prompt) {
        String label = prompt.label().strip();
        boolean punctuated = label.endsWith("?") || label.endsWith(":");
        return (prompt.round() > 0 ? "[round " + prompt.round() + "] " : "") + label + (punctuated ? " " : ": ");
    }
}
