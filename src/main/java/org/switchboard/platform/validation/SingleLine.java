package org.switchboard.platform.validation;

/** The {@link OneLine} rule for code: services and pages that take input without Bean Validation, and parsers. */
public final class SingleLine {

    private SingleLine() {
    }

    /** No control character (C0, DEL, C1), no Unicode line or paragraph separator; null passes. */
    public static boolean test(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** The value, or an {@link IllegalArgumentException} "field: must be one line …" (the API answers 400 naming the field). */
    public static String check(String value, String field) {
        if (!test(value)) {
            throw new IllegalArgumentException(field + ": " + OneLine.PROBLEM);
        }
        return value;
    }
}
