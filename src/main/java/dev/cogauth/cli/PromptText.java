package dev.cogauth.cli;

import dev.cogauth.flow.Prompt;
import dev.cogauth.protocol.PrintableText;

/**
 * The text before the cursor: "[round 2] What is 6 times 7? ". A custom challenge's question comes from the pool,
 * so its control characters are shown as escapes.
 */
final class PromptText {
    private PromptText() {
    }

    static String of(Prompt prompt) {
        String label = PrintableText.line(prompt.label().strip());
        boolean punctuated = label.endsWith("?") || label.endsWith(":");
        return (prompt.round() > 0 ? "[round " + prompt.round() + "] " : "") + label + (punctuated ? " " : ": ");
    }
}
