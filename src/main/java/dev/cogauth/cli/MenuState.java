package dev.cogauth.cli;

import java.util.ArrayList;
import java.util.List;

/** Which entry of a terminal menu is highlighted, and the menu's lines. Pure, so the keys' effects are tested. */
final class MenuState {
    private final List<String> choices;
    private int selected;

    MenuState(List<String> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("a menu needs at least one choice");
        }
        this.choices = List.copyOf(choices);
    }

    void up() {
        selected = (selected + choices.size() - 1) % choices.size();
    }

    void down() {
        selected = (selected + 1) % choices.size();
    }

    /** Highlights the entry with this 1-based number; false when there is none. */
    boolean pick(int number) {
        if (number < 1 || number > choices.size()) {
            return false;
        }
        selected = number - 1;
        return true;
    }

    /** The 1-based number of the highlighted entry. */
    int number() {
        return selected + 1;
    }

    /** One line per entry, numbered as piped input would name them; the highlighted one marked with '>'. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            lines.add((i == selected ? "> " : "  ") + (i + 1) + ") " + choices.get(i));
        }
        return lines;
    }
}
