package org.switchboard.calls.control;

import java.time.Duration;

/** How a call's length reads in any language: 0:42, 12:05, 1:02:09. */
public final class CallTexts {

    private CallTexts() {
    }

    public static String duration(Duration length) {
        if (length == null) {
            return "—";
        }
        long seconds = Math.max(0, length.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, seconds % 60) : String.format("%d:%02d", minutes, seconds % 60);
    }
}
