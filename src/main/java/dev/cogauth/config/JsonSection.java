package dev.cogauth.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.AuthFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One JSON object of a config file, with the dotted path that names its fields in messages
 * ({@code CognitoUserPool.Default.PoolId}). A field holding JSON null counts as absent, and so
 * does an empty optional string: generated files and templates leave them that way.
 */
final class JsonSection {
    private final String source;
    private final String path;
    private final ObjectNode node;
    /** Where warnings go: fields that look misspelt. */
    private final Consumer<String> warnings;

    private JsonSection(String source, String path, ObjectNode node, Consumer<String> warnings) {
        this.source = source;
        this.path = path;
        this.node = node;
        this.warnings = warnings;
    }

    static JsonSection root(String source, ObjectNode node, Consumer<String> warnings) {
        return new JsonSection(source, "", node, warnings);
    }

    /**
     * Warns about each field that looks like a misspelling of one of {@code known} that is absent: other fields
     * are ignored, as files carry many cogauth does not read, but a misspelt one would be ignored silently.
     */
    void warnAboutNearMisses(List<String> known) {
        for (String name : fieldNames()) {
            NearMiss.closest(name, known).filter(meant -> !has(meant)).ifPresent(meant -> warnings.accept(
                    source + ": " + pathOf(name) + " is not a field cogauth reads; did you mean " + meant + "?"));
        }
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    Optional<JsonSection> object(String name) throws ConfigException {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (!value.isObject()) {
            throw problem(name, "must be an object");
        }
        return Optional.of(new JsonSection(source, pathOf(name), (ObjectNode) value, warnings));
    }

    JsonSection requiredObject(String name) throws ConfigException {
        return object(name).orElseThrow(() -> problem(name, "missing"));
    }

    /** An optional string field that must pass {@code rule} when present. */
    Optional<String> string(String name, SettingRules.Rule rule) throws ConfigException {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw problem(name, "must be a string");
        }
        String text = value.textValue();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> wrong = rule.problemWith(text);
        if (wrong.isPresent()) {
            throw problem(name, wrong.get());
        }
        return Optional.of(text);
    }

    String requiredString(String name, SettingRules.Rule rule) throws ConfigException {
        Optional<String> value = string(name, rule);
        if (value.isPresent()) {
            return value.get();
        }
        // string() returns nothing for a field that is there only when it is ""
        throw problem(name, has(name) ? "empty" : "missing");
    }

    /**
     * A list of strings: a JSON array of strings, or one string of comma-separated values (how
     * AWSMobileClient files write several redirect URIs). Empty when absent.
     */
    List<String> strings(String name) throws ConfigException {
        if (!has(name)) {
            return List.of();
        }
        JsonNode value = node.get(name);
        List<String> values = new ArrayList<>();
        if (value.isTextual()) {
            for (String part : value.textValue().split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
            return values;
        }
        if (!value.isArray()) {
            throw problem(name, "must be a list of strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw problem(name, "must be a list of strings");
            }
            values.add(item.textValue());
        }
        return values;
    }

    /** An optional flow name field, parsed the way {@link SettingRules#authFlow} does. */
    Optional<AuthFlow> authFlow(String name) throws ConfigException {
        Optional<String> text = string(name, any -> Optional.empty());
        return text.isEmpty() ? Optional.empty() : Optional.of(SettingRules.authFlow(text.get(), pathOf(name), source));
    }

    /** The full path of a field of this section, for messages. */
    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A problem with a field of this section. */
    ConfigException problem(String name, String problem) {
        return new ConfigException(source, pathOf(name), problem);
    }

    /** A problem with this section as a whole. */
    ConfigException problem(String problem) {
        return new ConfigException(source, path.isEmpty() ? null : path, problem);
    }
}
