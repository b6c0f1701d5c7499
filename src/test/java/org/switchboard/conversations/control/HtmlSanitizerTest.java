package org.switchboard.conversations.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    @Test
    void scriptsHandlersJavascriptUrlsFormsAndStylesAreRemoved() {
        String dirty = "<p onclick=\"steal()\">Hi <b>there</b></p><script>alert(1)</script>"
                + "<a href=\"javascript:alert(2)\">x</a><a href=\"https://example.com/\">ok</a>"
                + "<form action=\"https://evil.example\"><input name=p></form>"
                + "<div style=\"background:url(javascript:alert(3))\">styled</div>"
                + "<svg><script>alert(4)</script></svg><iframe src=\"https://evil.example\"></iframe>"
                + "<img src=\"x\" onerror=\"alert(5)\"><img src=\"cid:logo@example\">";
        String clean = HtmlSanitizer.sanitize(dirty).toLowerCase(Locale.ROOT);
        for (String forbidden : new String[] {"<script", "onclick", "onerror", "javascript:", "<form", "<input", "style=", "<svg", "<iframe"}) {
            assertFalse(clean.contains(forbidden), forbidden + " survived: " + clean);
        }
        assertTrue(clean.contains("<b>there</b>"), clean);
        assertTrue(clean.contains("href=\"https://example.com/\""), clean);
        assertTrue(clean.contains("src=\"cid:logo&#64;example\""), "inline images by content id stay: " + clean);
    }

    @Test
    void blankHtmlIsNoHtml() {
        assertNull(HtmlSanitizer.sanitize("  "));
        assertNull(HtmlSanitizer.sanitize(null));
    }
}
