package dev.cogauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a script tag        |<script>alert(1)</script>|&lt;script&gt;alert(1)&lt;/script&gt;",
        // out of a double-quoted attribute, and out of a single-quoted one
        "double quote        |x\" onload=\"y           |x&quot; onload=&quot;y",
        "single quote        |x' onload='y             |x&#39; onload=&#39;y",
        // an & is escaped first, so an existing reference is shown, not decoded
        "ampersands          |a&b &amp; &#39;          |a&amp;b &amp;amp; &amp;#39;",
        "text stays as it is |Grüße, 日本 = ok         |Grüße, 日本 = ok",
        "empty               |``                       |``",
    })
    void escapesTheFiveCharactersThatEndTextOrAnAttribute(String what, String text, String expected) {
        assertEquals(expected, Html.escape(text), what);
    }
}
