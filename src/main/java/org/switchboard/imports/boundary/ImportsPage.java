package org.switchboard.imports.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.Part;

import org.switchboard.channels.email.control.EmailConnector;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.imports.control.ArchiveStore;
import org.switchboard.imports.control.ImportDtos.MailboxImportRequest;
import org.switchboard.imports.control.ImportDtos.RunView;
import org.switchboard.imports.control.ImportDtos.SourceKind;
import org.switchboard.imports.control.ImportReport;
import org.switchboard.imports.control.ImportService;
import org.switchboard.platform.i18n.Texts;

/**
 * Operations → Imports: start a mailbox import (IMAP folders or an uploaded archive, dates, dry
 * run, closing rule), move a channel's shared inbox into the help desk, watch runs with live
 * progress, stop, restart, abandon, download reports.
 */
@Named
@ViewScoped
public class ImportsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ImportService imports;

    @Inject
    ArchiveStore archives;

    @Inject
    ChannelService channels;

    @Inject
    SecurityContext security;

    @Inject
    Texts texts;

    private List<RunView> runs;
    private List<ChannelView> emailChannels;
    private Long channelId;
    private SourceKind source = SourceKind.IMAP;
    private String folders = "INBOX";
    private transient Part archive;
    private LocalDate since;
    private LocalDate until;
    private boolean dryRun;
    private Integer closeAfterDays = 90;
    private boolean closeAnswered;
    private List<ChannelView> inboxChannels;
    private Long inboxChannelId;
    private boolean moveHistory = true;
    private boolean moveDryRun;

    @PostConstruct
    void load() {
        List<ChannelView> all = channels.list();
        emailChannels = all.stream().filter(c -> EmailConnector.KIND.equals(c.type())).toList();
        inboxChannels = all.stream().filter(c -> c.destination() == ChannelDestination.SHARED_INBOX).toList();
        refresh();
    }

    public void refresh() {
        runs = imports.list(30);
    }

    public void start() {
        try {
            String archiveId = null;
            if (source == SourceKind.ARCHIVE) {
                if (archive == null || archive.getSize() == 0) {
                    error(texts.get("imports.archiveMissing"));
                    return;
                }
                archiveId = archives.store(archive.getSubmittedFileName(), archive.getInputStream(), Long.MAX_VALUE).archiveId();
            }
            List<String> folderList = Arrays.stream(folders == null ? new String[0] : folders.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
            long id = imports.startMailboxImport(new MailboxImportRequest(channelId, source, folderList, archiveId, since, until, dryRun, null,
                    closeAfterDays, closeAnswered), security.getCallerPrincipal().getName());
            info(texts.get("imports.started", id));
        } catch (IllegalArgumentException | IllegalStateException | IOException refused) {
            error(refused.getMessage());
        }
        refresh();
    }

    /** Moves a channel's shared inbox into the help desk with the inbox-migration job, its history too when asked. */
    public void startMove() {
        try {
            long id = imports.startInboxMigration(inboxChannelId, moveHistory, moveDryRun, security.getCallerPrincipal().getName());
            info(texts.get("imports.started", id));
            if (!moveDryRun) {
                load(); // the channel leaves the list once the job has switched it
            }
        } catch (IllegalArgumentException | IllegalStateException refused) {
            error(refused.getMessage());
        }
        refresh();
    }

    public void stop(long id) {
        act(() -> imports.stop(id), "imports.stopping", id);
    }

    public void restart(long id) {
        act(() -> info(texts.get("imports.restarted", id, imports.restart(id, security.getCallerPrincipal().getName()))), null, id);
    }

    public void abandon(long id) {
        act(() -> imports.abandon(id), "imports.abandoned", id);
    }

    private void act(Runnable action, String doneKey, long id) {
        try {
            action.run();
            if (doneKey != null) {
                info(texts.get(doneKey, id));
            }
        } catch (IllegalArgumentException | IllegalStateException refused) {
            error(refused.getMessage());
        }
        refresh();
    }

    /** The run's skipped mails as CSV, downloaded through the signed-in session. */
    public void downloadReport(long id) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        byte[] bytes = ImportReport.csv(imports.skips(id)).getBytes(StandardCharsets.UTF_8);
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseContentLength(bytes.length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-report.csv\"");
        external.getResponseOutputStream().write(bytes);
        faces.responseComplete();
    }

    public int percent(RunView run) {
        return run.total() == null || run.total() == 0 ? 0 : (int) Math.min(100, run.read() * 100 / run.total());
    }

    public boolean running(RunView run) {
        return run.status().startsWith("START") || run.status().equals("STOPPING");
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public List<RunView> getRuns() {
        return runs;
    }

    public List<ChannelView> getEmailChannels() {
        return emailChannels;
    }

    public List<ChannelView> getInboxChannels() {
        return inboxChannels;
    }

    public Long getInboxChannelId() {
        return inboxChannelId;
    }

    public void setInboxChannelId(Long inboxChannelId) {
        this.inboxChannelId = inboxChannelId;
    }

    public boolean isMoveHistory() {
        return moveHistory;
    }

    public void setMoveHistory(boolean moveHistory) {
        this.moveHistory = moveHistory;
    }

    public boolean isMoveDryRun() {
        return moveDryRun;
    }

    public void setMoveDryRun(boolean moveDryRun) {
        this.moveDryRun = moveDryRun;
    }

    public SourceKind[] getSources() {
        return SourceKind.values();
    }

    public Long getChannelId() {
        return channelId;
    }

    public void setChannelId(Long channelId) {
        this.channelId = channelId;
    }

    public SourceKind getSource() {
        return source;
    }

    public void setSource(SourceKind source) {
        this.source = source;
    }

    public String getFolders() {
        return folders;
    }

    public void setFolders(String folders) {
        this.folders = folders;
    }

    public Part getArchive() {
        return archive;
    }

    public void setArchive(Part archive) {
        this.archive = archive;
    }

    public LocalDate getSince() {
        return since;
    }

    public void setSince(LocalDate since) {
        this.since = since;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public Integer getCloseAfterDays() {
        return closeAfterDays;
    }

    public void setCloseAfterDays(Integer closeAfterDays) {
        this.closeAfterDays = closeAfterDays;
    }

    public boolean isCloseAnswered() {
        return closeAnswered;
    }

    public void setCloseAnswered(boolean closeAnswered) {
        this.closeAnswered = closeAnswered;
    }
}
