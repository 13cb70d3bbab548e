package dev.cogauth.tokens;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One JSON object's fields, read with jackson-core's streaming parser. The cached {@code token} path reads the cache
 * and a JWT's {@code exp} through this rather than Jackson databind, whose ObjectMapper alone loads some 300 classes.
 * Readers get the same answers as from {@code JsonNode}: text only from strings, a long only from numbers that fit.
 */
final class JsonFields {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** A value no accessor answers for: null, a boolean, an array, a number beyond a long. */
    private static final Object OTHER = new Object();

    private final Map<String, Object> values;

    private JsonFields(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * The object the bytes hold, or empty when they hold another JSON value or none. As with
     * {@code ObjectMapper.readTree}, anything after the first value is not read.
     *
     * @throws IOException when the bytes are not JSON (truncated, say); its message may quote them
     */
    static Optional<JsonFields> parse(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return parser.nextToken() == JsonToken.START_OBJECT ? Optional.of(object(parser)) : Optional.empty();
        }
    }

    /** The field's string, when it is a string. */
    Optional<String> text(String field) {
        return values.get(field) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /** The field's number as a long, when it is a number that fits one (a fraction is cut off). */
    OptionalLong integer(String field) {
        Object value = values.get(field);
        if (value instanceof Long number) {
            return OptionalLong.of(number);
        }
        if (value instanceof Double number && number >= Long.MIN_VALUE && number <= Long.MAX_VALUE) {
            return OptionalLong.of(number.longValue());
        }
        return OptionalLong.empty();
    }

    /** The field's object, when it is one. */
    Optional<JsonFields> object(String field) {
        return values.get(field) instanceof JsonFields nested ? Optional.of(nested) : Optional.empty();
    }

    /** The field's value for a message: a number as written, anything else only by its kind (it may be a secret). */
    String describe(String field) {
        Object value = values.get(field);
        if (value == null) {
            return "missing";
        }
        OptionalLong number = integer(field);
        if (number.isPresent()) {
            return Long.toString(number.getAsLong());
        }
        return value instanceof String ? "a string" : value instanceof JsonFields ? "an object" : "not a number";
    }

    /** Reads from just after an object's '{' to its '}'; a repeated field keeps its last value, as in a tree. */
    private static JsonFields object(JsonParser parser) throws IOException {
        Map<String, Object> values = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            values.put(field, value(parser, parser.nextToken()));
        }
        return new JsonFields(values);
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return object(parser);
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? OTHER : parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case START_ARRAY:
                parser.skipChildren();
                return OTHER;
            default:
                return OTHER;
        }
    }
}
