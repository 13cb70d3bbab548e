package dev.cogauth.cli;

import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.SignInCancelledException;
import dev.cogauth.protocol.PrintableText;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * A menu on the terminal: arrow keys, j/k or an entry's digit move, Enter chooses.
 * Answers with the chosen entry's 1-based number, the same answer piped input would give.
 */
final class ChoiceMenu {
    private enum Key { UP, DOWN, CHOOSE, DIGIT, CANCEL, END }

    private static final String CLEAR_LINE = "\r\u001b[2K";

    private final Terminal terminal;
    private final boolean color;

    ChoiceMenu(Terminal terminal, boolean color) {
        this.terminal = terminal;
        this.color = color;
    }

    String choose(Prompt prompt) {
        MenuState state = new MenuState(prompt.choices());
        PrintWriter out = terminal.writer();
        String title = PrintableText.line(prompt.label()) + " (arrows or a number, then Enter):";
        out.println(color ? "\u001b[1m" + title + "\u001b[0m" : title);
        draw(out, state.lines(), false);
        Attributes saved = terminal.enterRawMode();
        Attributes raw = new Attributes(terminal.getAttributes());
        // Ctrl-C is read as a key here, so the terminal is restored before cogauth stops.
        raw.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ISIG), false);
        terminal.setAttributes(raw);
        try {
            BindingReader reader = new BindingReader(terminal.reader());
            KeyMap<Key> keys = keyMap();
            while (true) {
                Key key = reader.readBinding(keys);
                if (key == null || key == Key.END) {
                    throw new SignInCancelledException("input ended at the prompt for " + prompt.description(), true);
                }
                switch (key) {
                    case UP -> state.up();
                    case DOWN -> state.down();
                    case CANCEL -> throw new SignInCancelledException("interrupted at the prompt for "
                            + prompt.description(), false);
                    // A digit only moves: Enter confirms, so a habitual Enter does not answer the next prompt.
                    case DIGIT -> state.pick(reader.getLastBinding().charAt(0) - '0');
                    case CHOOSE -> {
                        return String.valueOf(state.number());
                    }
                    default -> { }
                }
                draw(out, state.lines(), true);
            }
        } finally {
            terminal.setAttributes(saved);
        }
    }

    /** Draws the entries, over the previous drawing when there is one. */
    private void draw(PrintWriter out, List<String> lines, boolean again) {
        StringBuilder text = new StringBuilder();
        if (again) {
            text.append("\u001b[").append(lines.size()).append('A');
        }
        for (String entry : lines) {
            String line = PrintableText.line(entry);
            boolean selected = line.startsWith(">");
            text.append(CLEAR_LINE).append(selected && color ? "\u001b[1m" + line + "\u001b[0m" : line).append("\r\n");
        }
        out.print(text);
        out.flush();
    }

    private KeyMap<Key> keyMap() {
        KeyMap<Key> keys = new KeyMap<>();
        keys.bind(Key.UP, "\u001b[A", "\u001bOA", "k");
        keys.bind(Key.DOWN, "\u001b[B", "\u001bOB", "j");
        bindCapability(keys, Key.UP, Capability.key_up);
        bindCapability(keys, Key.DOWN, Capability.key_down);
        keys.bind(Key.CHOOSE, "\r", "\n");
        keys.bind(Key.CANCEL, KeyMap.ctrl('C'));
        keys.bind(Key.END, KeyMap.ctrl('D'));
        for (char digit = '1'; digit <= '9'; digit++) {
            keys.bind(Key.DIGIT, String.valueOf(digit));
        }
        return keys;
    }

    private void bindCapability(KeyMap<Key> keys, Key key, Capability capability) {
        String sequence = KeyMap.key(terminal, capability);
        if (sequence != null && !sequence.isEmpty()) {
            keys.bind(key, sequence);
        }
    }
}
