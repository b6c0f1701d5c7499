package org.switchboard.imports.control;

import java.util.List;

import org.switchboard.imports.control.ImportDtos.SkipView;

/** A run's skipped mails as CSV (RFC 4180), for the API and the console alike. */
public final class ImportReport {

    private ImportReport() {
    }

    public static String csv(List<SkipView> skips) {
        StringBuilder csv = new StringBuilder("part,position,reason,at\r\n");
        for (SkipView skip : skips) {
            csv.append(cell(skip.part())).append(',').append(cell(skip.position())).append(',').append(cell(skip.reason()))
                    .append(',').append(skip.at()).append("\r\n");
        }
        return csv.toString();
    }

    /** Quoted, and no leading =+-@ that a spreadsheet would run as a formula. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
