package org.switchboard.workspace.control;

import java.util.Map;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Mail HTML as the workspace shows it. Stored HTML was cleaned on the way in; it is cleaned again
 * here (a stored value may predate today's policy), and images are decided: {@code cid:} parts of
 * the message point at their attachment, remote images are dropped — they would tell the sender
 * that and when the mail was read — until the agent allows them for that message.
 */
public final class DisplayHtml {

    private static final Pattern REMOTE = Pattern.compile("(?i)^https?://.*");

    private static final PolicyFactory BASE = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowStandardUrlProtocols()
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                    .allowAttributes("target").matching(true, "_blank").onElements("a")
                    .allowElements("hr", "br", "span", "pre", "code", "font")
                    .allowAttributes("color").onElements("font")
                    .toFactory());

    private DisplayHtml() {
    }

    /** What an image looked like after the display rules: the HTML and whether a remote image was held back. */
    public record Shown(String html, boolean remoteImagesBlocked) {
    }

    /**
     * @param inlineParts Content-ID (without brackets) to the address of that attachment
     * @param allowRemoteImages the agent chose to load this message's remote images
     */
    public static Shown forAgent(String html, Map<String, String> inlineParts, boolean allowRemoteImages) {
        if (html == null || html.isBlank()) {
            return new Shown(null, false);
        }
        boolean[] blocked = {false};
        PolicyFactory images = new HtmlPolicyBuilder()
                .allowUrlProtocols("http", "https", "cid")
                .allowElements("img")
                .allowAttributes("alt", "width", "height").onElements("img")
                .allowAttributes("src").matching((element, attribute, value) -> {
                    String trimmed = value.strip();
                    if (trimmed.regionMatches(true, 0, "cid:", 0, 4)) {
                        return inlineParts.get(trimmed.substring(4).replaceAll("^<|>$", ""));
                    }
                    if (REMOTE.matcher(trimmed).matches()) {
                        if (allowRemoteImages) {
                            return trimmed;
                        }
                        blocked[0] = true;
                        return null;
                    }
                    return null;
                }).onElements("img")
                .toFactory();
        String cleaned = BASE.and(images).sanitize(html);
        return new Shown(cleaned, blocked[0]);
    }
}
