package org.switchboard.channels.chat.control;

import java.util.regex.Pattern;

/**
 * The widget's accent colour and the text colour that reads on it. The text is white or near-black,
 * whichever contrasts more (WCAG 2 relative luminance), so any accent an admin picks stays readable;
 * {@link #contrast} lets the settings page warn when even the better one stays under 4.5:1.
 */
public final class AccentColour {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    static final String DARK_TEXT = "#111111";
    static final String LIGHT_TEXT = "#ffffff";

    private AccentColour() {
    }

    public static boolean valid(String colour) {
        return colour != null && HEX.matcher(colour).matches();
    }

    public static String textOn(String accent) {
        return contrast(accent, LIGHT_TEXT) >= contrast(accent, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
    }

    /** The better of the two text colours' contrast ratio on the accent (1 … 21). */
    public static double bestContrast(String accent) {
        return Math.max(contrast(accent, LIGHT_TEXT), contrast(accent, DARK_TEXT));
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
