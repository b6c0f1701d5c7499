package org.switchboard.imports.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;

/** The parameters of one import execution, read from the job's parameters. */
public record ImportJob(long runId, long channelId, String source, String folders, String archive, Instant since,
                        Instant until, boolean dryRun, String sourceKey) {

    public static ImportJob of(Properties parameters) {
        return new ImportJob(Long.parseLong(parameters.getProperty("runId")), Long.parseLong(parameters.getProperty("channelId")), parameters.getProperty("source"),
                parameters.getProperty("folders", "INBOX"), parameters.getProperty("archive"), day(parameters.getProperty("since")),
                day(parameters.getProperty("until")), Boolean.parseBoolean(parameters.getProperty("dryRun")), parameters.getProperty("sourceKey"));
    }

    private static Instant day(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public String progressKey() {
        return ImportRecords.Run.progressKey(sourceKey, dryRun, runId);
    }

    public boolean imap() {
        return "IMAP".equals(source);
    }

    /** Whether a mail dated so is in the chosen range (undated mail always is). */
    public boolean inRange(Instant date) {
        return date == null || ((since == null || !date.isBefore(since)) && (until == null || date.isBefore(until)));
    }
}
