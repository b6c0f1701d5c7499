package org.switchboard.imports.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the import API takes and returns. */
public final class ImportDtos {

    private ImportDtos() {
    }

    public enum SourceKind {
        IMAP, ARCHIVE
    }

    /**
     * Starts {@code mailbox-import}: from the channel's IMAP account ({@code folders}, default
     * INBOX) or an uploaded archive ({@code archiveId}); mails dated in [{@code since}, {@code until})
     * only; tickets whose last message is older than {@code closeAfterDays} (or, with
     * {@code closeAnswered}, whose last message is the team's) are closed at the end.
     */
    public record MailboxImportRequest(@NotNull Long channelId, @NotNull SourceKind source, @Size(max = 50) List<String> folders,
                                       @Size(max = 200) String archiveId, LocalDate since, LocalDate until, Boolean dryRun,
                                       @Min(1) @Max(5000) Integer chunkSize, @Min(0) Integer closeAfterDays, Boolean closeAnswered) {
    }

    public record PartView(String part, Long total, long read, long written, long skipped, long tickets, long contacts, boolean done,
                           String resumeAfter) {
    }

    /**
     * One run's report: {@code read}, {@code written}, {@code skipped}, {@code tickets}, {@code contacts}, {@code total} and
     * {@code perSecond} count this run's own work; {@code alreadyImported} is what earlier runs of the source wrote;
     * {@code parts} hold the source's positions and counts over all its runs.
     */
    public record RunView(long runId, long executionId, String job, String status, String sourceKey, long channelId, String parameters,
                          String startedBy, Instant startedAt, Instant endedAt, Long restartOf, long read, long written, long skipped,
                          long tickets, long contacts, long alreadyImported, Long total, double perSecond, Long etaSeconds, List<PartView> parts) {
    }

    public record SkipView(String part, String position, String reason, Instant at) {
    }
}
