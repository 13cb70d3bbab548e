package dev.cogauth.oauth;

import dev.cogauth.protocol.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page the browser gets back on the redirect: a template from this package's resources with
 * {@code {{name}}} filled in, every value HTML-escaped (an error description comes from the
 * redirect's query string, i.e. from anyone who can make the browser open a URL).
 */
public final class HtmlPage {
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
    private static final String TEMPLATE = load("callback.html");

    private HtmlPage() {
    }

    /** "You can close this tab" or the error: a heading (also the title) and one line of text. */
    public static String callback(boolean ok, String heading, String message) {
        return fill(TEMPLATE, Map.of("title", heading + " - cogauth",
                "outcome", ok ? "ok" : "failed", "heading", heading, "message", message));
    }

    static String fill(String template, Map<String, String> values) {
        Matcher slot = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            String value = values.get(slot.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + slot.group(1) + "}}");
            }
            slot.appendReplacement(out, Matcher.quoteReplacement(Html.escape(value)));
        }
        slot.appendTail(out);
        return out.toString();
    }

    private static String load(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
