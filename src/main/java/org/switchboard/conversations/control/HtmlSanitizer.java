package org.switchboard.conversations.control;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Cleans HTML from contacts before it is stored: no scripts, event handlers, javascript: URLs,
 * forms, styles that load or execute, or embedded objects. Remote images stay as {@code img} with
 * http(s) or cid sources; the workspace blocks remote ones until the agent allows them.
 */
public final class HtmlSanitizer {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowUrlProtocols("http", "https", "cid")
                    .allowElements("img")
                    .allowAttributes("src", "alt", "width", "height").onElements("img")
                    .allowElements("hr", "br", "span", "pre", "code", "font")
                    .allowAttributes("color").onElements("font")
                    .toFactory());

    private HtmlSanitizer() {
    }

    public static String sanitize(String html) {
        return html == null || html.isBlank() ? null : POLICY.sanitize(html);
    }
}
