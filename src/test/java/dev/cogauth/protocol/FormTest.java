package dev.cogauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FormTest {

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of("plain fields", "a=1&b=2", fields("a", "1", "b", "2")),
                // WHATWG: a % without two hex digits stays as it is; the field is kept, not dropped
                Arguments.of("a malformed escape", "a=%zz&b=1", fields("a", "%zz", "b", "1")),
                Arguments.of("a % at the end", "a=50%&b=%4", fields("a", "50%", "b", "%4")),
                Arguments.of("good and bad escapes in one value", "a=%41%zz%42", fields("a", "A%zzB")),
                Arguments.of("an empty name", "=x", fields("", "x")),
                Arguments.of("no = and an empty value", "a&b=", fields("a", "", "b", "")),
                Arguments.of("the first of a repeated name wins", "a=1&a=2&b=3&a=4", fields("a", "1", "b", "3")),
                Arguments.of("+ is a space, %2B a plus", "q=a+b%2Bc", fields("q", "a b+c")),
                Arguments.of("empty pairs are skipped", "&&a=1&", fields("a", "1")),
                Arguments.of("= in a value", "a=b=c", fields("a", "b=c")),
                Arguments.of("UTF-8 escapes", "n=Gr%C3%BC%C3%9Fe", fields("n", "Grüße")),
                Arguments.of("bytes that are not UTF-8", "n=%FF", fields("n", "\ufffd")),
                Arguments.of("lower-case hex", "n=%c3%a9", fields("n", "é")),
                Arguments.of("nothing", "", fields()),
                Arguments.of("null", null, fields()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("forms")
    void decodesAsTheWhatwgParserDoes(String what, String raw, Map<String, String> expected) {
        assertEquals(expected, Form.decode(raw), what);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "unreserved stays  |aZ09.-*_           |aZ09.-*_",
        "space is %20      |a b                |a%20b",
        "reserved          |a+b&c=d/e?f#g%     |a%2Bb%26c%3Dd%2Fe%3Ff%23g%25",
        "UTF-8             |é                  |%C3%A9",
    })
    void encodesAComponent(String what, String text, String expected) {
        assertEquals(expected, Form.component(text), what);
        assertEquals(text, Form.decodeComponent(expected), what + ", back");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "names and values  |a|x y|b|&=   |a=x%20y&b=%26%3D",
        "empty value       |a||b|1        |a=&b=1",
    })
    void encodesFieldsInOrderAndDecodesThemBack(String what, String n1, String v1, String n2, String v2,
                                               String expected) {
        Map<String, String> fields = fields(n1, v1 == null ? "" : v1, n2, v2);
        assertEquals(expected, Form.encode(fields), what);
        assertEquals(fields, Form.decode(expected), what + ", back");
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
