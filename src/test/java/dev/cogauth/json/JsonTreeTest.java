package dev.cogauth.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference is what Jackson databind's ObjectMapper reads and writes. */
class JsonTreeTest {
    private static final ObjectMapper DATABIND = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":\"text \\\"quoted\\\" \\u00e9\",\"n\":42,\"long\":12345678901234,\"big\":123456789012345678901234567890,"
                + "\"pi\":3.25,\"exp\":1e3,\"yes\":true,\"no\":false,\"none\":null,"
                + "\"list\":[1,\"two\",{\"three\":[]},[]],\"empty\":{}}",
        "{\"list\":[1, 2.5, \"x\"]}",
    })
    void readsTheTreeDatabindReads(String json) throws Exception {
        JsonNode expected = DATABIND.readTree(json);
        ObjectNode read = (ObjectNode) JsonTree.parse(json.getBytes(StandardCharsets.UTF_8));

        assertEquals(expected, read);
        assertEquals(expected.toString(), JsonTree.compact(read));
        assertEquals(expected.toPrettyString(), JsonTree.pretty(read));
    }

    @Test
    void writesABuiltObjectAsDatabindDoes() {
        ObjectNode built = JsonTree.object();
        built.put("token", "eyJ.a/b+c");
        built.put("expiresIn", 3600);
        built.put("expiresAt", 1_767_225_600L);
        built.putObject("nested").put("flag", true);
        built.putArray("items").add("x").add(2);
        built.putNull("none");

        assertEquals(built.toString(), JsonTree.compact(built));
        assertEquals(built.toPrettyString(), JsonTree.pretty(built));
    }

    @Test
    void readsValuesOtherThanObjects() throws Exception {
        for (String json : new String[] {"[1, 2.5, \"x\", [], {}]", "\"just text\"", "-7", "null"}) {
            assertEquals(DATABIND.readTree(json), JsonTree.parse(json.getBytes(StandardCharsets.UTF_8)), json);
        }
    }

    @Test
    void readsOnlyTheFirstValue() throws Exception {
        assertEquals(DATABIND.readTree("{\"a\":1}"), JsonTree.parse("{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hasNothingToReadFromBlankInput() throws Exception {
        assertNull(JsonTree.parse("  \n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rejectsMalformedJson() {
        assertThrows(JsonParseException.class, () -> JsonTree.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)));
    }
}
