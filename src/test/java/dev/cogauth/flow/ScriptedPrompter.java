package dev.cogauth.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Answers prompts from a list and records every prompt and message. */
final class ScriptedPrompter implements Prompter {
    final List<Prompt> asked = new ArrayList<>();
    final List<String> shown = new ArrayList<>();
    final List<String> qrCodes = new ArrayList<>();
    private final Deque<String> answers;
    private boolean piped;

    ScriptedPrompter(String... answers) {
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    /** Like piped stdin: after these answers, input has ended. */
    static ScriptedPrompter piped(String... answers) {
        ScriptedPrompter prompter = new ScriptedPrompter(answers);
        prompter.piped = true;
        return prompter;
    }

    @Override
    public String ask(Prompt prompt) {
        asked.add(prompt);
        if (piped && answers.isEmpty()) {
            throw new InputUnavailableException("stdin ended while asking for " + prompt.description());
        }
        assertFalse(answers.isEmpty(), "unexpected prompt: " + prompt.description());
        return answers.poll();
    }

    @Override
    public void show(String message) {
        shown.add(message);
    }

    @Override
    public void showQrCode(String text) {
        qrCodes.add(text);
    }

    List<String> labels() {
        return asked.stream().map(Prompt::label).toList();
    }
}
