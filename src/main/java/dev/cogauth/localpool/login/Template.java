package dev.cogauth.localpool.login;

import dev.cogauth.protocol.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML template from this package's resources: {@code {{name}}} is filled HTML-escaped,
 * {@code {{{name}}}} with a fragment rendered from another template (already escaped).
 */
final class Template {
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\{)?(\\w+)}}(})?");

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static Template load(String name) {
        try (InputStream in = Template.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String render(Map<String, String> values) {
        Matcher slot = SLOT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            String value = values.get(slot.group(2));
            if (value == null) {
                throw new IllegalArgumentException(name + ": no value for " + slot.group());
            }
            boolean raw = slot.group(1) != null && slot.group(3) != null;
            slot.appendReplacement(out, Matcher.quoteReplacement(raw ? value : Html.escape(value)));
        }
        slot.appendTail(out);
        return out.toString();
    }
}
