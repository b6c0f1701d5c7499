package org.switchboard.channels.twilio.control;

import java.util.Locale;

/**
 * The TwiML Switchboard answers Twilio with: dial an agent (their calling address as {@code <Number>},
 * {@code <Sip>} or {@code <Client>}), record a voicemail after a greeting, dial the contact for a
 * click-to-call, or hang up. Every value is XML-escaped.
 */
public final class TwiML {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private TwiML() {
    }

    /**
     * Rings one address; {@code action} is asked when the dial ends (not answered → voicemail),
     * {@code answered} hears the agent's leg answer and end.
     */
    public static String dial(String address, int timeoutSeconds, String action, String answered, String callerId) {
        return HEAD + "<Response><Dial answerOnBridge=\"true\" timeout=\"" + timeoutSeconds + "\" action=\"" + escape(action) + "\""
                + (callerId == null ? "" : " callerId=\"" + escape(callerId) + "\"") + ">" + noun(address, answered) + "</Dial></Response>";
    }

    /** The greeting, then a recording of up to {@code maxSeconds}; Twilio reports it to {@code recordingCallback}, then asks {@code done}. */
    public static String voicemail(String greeting, String language, int maxSeconds, String recordingCallback, String done) {
        return HEAD + "<Response><Say language=\"" + escape(language) + "\">" + escape(greeting) + "</Say>"
                + "<Record maxLength=\"" + maxSeconds + "\" playBeep=\"true\" action=\"" + escape(done) + "\" recordingStatusCallback=\""
                + escape(recordingCallback) + "\" recordingStatusCallbackEvent=\"completed\"/></Response>";
    }

    public static String hangup() {
        return HEAD + "<Response><Hangup/></Response>";
    }

    /** A calling address as the noun Twilio dials: {@code sip:…} → Sip, {@code client:name} → Client, else a number. */
    static String noun(String address, String statusCallback) {
        String callback = " statusCallbackEvent=\"ringing answered completed\" statusCallback=\"" + escape(statusCallback) + "\"";
        String lower = address.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sip:")) {
            return "<Sip" + callback + ">" + escape(address) + "</Sip>";
        }
        if (lower.startsWith("client:")) {
            return "<Client" + callback + ">" + escape(address.substring(7)) + "</Client>";
        }
        return "<Number" + callback + ">" + escape(address) + "</Number>";
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
