package dev.cogauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

    @Test
    void escapes_every_value() {
        String page = HtmlPage.callback(false, "Sign-in failed", "<script>alert('x')</script> & \"more\"");
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"), page);
        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("id=\"cogauth-failed\""), page);
    }

    @Test
    void a_template_slot_without_a_value_is_a_bug() {
        assertThrows(IllegalArgumentException.class, () -> HtmlPage.fill("{{missing}}", Map.of()));
        assertEquals("a &lt;b&gt;", HtmlPage.fill("a {{x}}", Map.of("x", "<b>")));
    }
}
