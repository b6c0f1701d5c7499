package org.switchboard.channels.email.control;

import org.switchboard.channels.email.control.EmailAccount.FromNameMode;
import org.switchboard.conversations.control.HtmlSanitizer;

/**
 * How a reply looks to the contact: the From name ("Maria at Acme" or "Acme") and the team
 * signature with the agent's names filled in ({@code {{agent.fullName}}}, {@code {{agent.firstName}}},
 * {@code {{agent.lastName}}}), as text and as sanitized HTML. Names never carry CR or LF.
 */
public final class SenderLook {

    private SenderLook() {
    }

    /** The whole From line as a contact sees it: {@code Maria at Acme <support@acme.com>}. */
    public static String fromLine(FromNameMode mode, String companyName, String agentFullName, String address) {
        String name = fromName(mode, companyName, agentFullName);
        return (name == null ? "" : name + " ") + "<" + (address == null ? "" : address) + ">";
    }

    public static String fromName(FromNameMode mode, String companyName, String agentFullName) {
        String company = oneLine(companyName);
        String agent = oneLine(agentFullName);
        if (mode == FromNameMode.COMPANY || agent == null) {
            return company;
        }
        String first = firstName(agent);
        return company == null ? agent : first + " at " + company;
    }

    public static String signatureText(String signature, boolean html, String agentFullName) {
        if (signature == null || signature.isBlank()) {
            return null;
        }
        String filled = fill(signature, agentFullName, false);
        return html ? textOf(HtmlSanitizer.sanitize(filled)) : filled.strip();
    }

    public static String signatureHtml(String signature, boolean html, String agentFullName) {
        if (signature == null || signature.isBlank()) {
            return null;
        }
        if (html) {
            return HtmlSanitizer.sanitize(fill(signature, agentFullName, true));
        }
        return escape(fill(signature, agentFullName, false).strip()).replace("\n", "<br>");
    }

    private static String fill(String template, String agentFullName, boolean escapeValues) {
        String full = agentFullName == null ? "" : oneLine(agentFullName);
        full = full == null ? "" : full;
        String first = firstName(full);
        String last = full.contains(" ") ? full.substring(full.lastIndexOf(' ') + 1) : "";
        return template.replace("{{agent.fullName}}", escapeValues ? escape(full) : full)
                .replace("{{agent.firstName}}", escapeValues ? escape(first) : first)
                .replace("{{agent.lastName}}", escapeValues ? escape(last) : last);
    }

    private static String firstName(String fullName) {
        int space = fullName.indexOf(' ');
        return space < 0 ? fullName : fullName.substring(0, space);
    }

    /** Removes CR, LF and other controls: a header value is one line, whatever was typed. */
    public static String oneLine(String value) {
        if (value == null) {
            return null;
        }
        String line = value.replaceAll("\\p{Cntrl}", " ").replaceAll(" {2,}", " ").strip();
        return line.isEmpty() ? null : line;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static String textOf(String html) {
        return html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>", "\n").replaceAll("<[^>]+>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#64;", "@").replace("&amp;", "&").strip();
    }
}
