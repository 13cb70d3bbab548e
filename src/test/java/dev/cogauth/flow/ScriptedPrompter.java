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
    private final Deque<String> answers;

    ScriptedPrompter(String... answers) {
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public String ask(Prompt prompt) {
        asked.add(prompt);
        assertFalse(answers.isEmpty(), "unexpected prompt: " + prompt.description());
        return answers.poll();
    }

    @Override
    public void show(String message) {
        shown.add(message);
    }

    List<String> labels() {
        return asked.stream().map(Prompt::label).toList();
    }
}
