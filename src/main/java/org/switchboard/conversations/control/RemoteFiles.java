package org.switchboard.conversations.control;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.entity.Channel;
import org.switchboard.conversations.entity.Attachment;
import org.switchboard.conversations.entity.RemoteFile;
import org.switchboard.tickets.control.TicketActivity;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * Files messages name but do not carry, fetched by their channel kind's {@link FileSource} into
 * attachments of the message — so agents open them on the ticket page, and they stay after the provider
 * deletes its copy (WhatsApp keeps media for 30 days). The fetch runs outside any transaction; a failure
 * is tried again with backoff (30 s doubling), one that cannot mend is given up at once, and a file given
 * up is on the ticket's timeline with the reason. Two instances may fetch one file at the same moment;
 * storing locks its row, so only the first keeps it.
 */
@ApplicationScoped
public class RemoteFiles {

    private static final Logger LOG = Logger.getLogger(RemoteFiles.class.getName());
    static final int MAX_ATTEMPTS = 8;

    @PersistenceContext
    EntityManager em;

    @Inject
    @Any
    Instance<FileSource> sources;

    @Inject
    Event<TicketActivity> activity;

    @Inject
    RemoteFiles self;

    /** What one fetch needs, read in a short transaction. */
    public record Due(long id, long channelId, String kind, String reference) {
    }

    /** Fetches the files that are due; answers how many were looked at. Called outside a transaction. */
    public int fetchDue(int limit) {
        List<Due> due = self.due(limit);
        for (Due file : due) {
            FileSource source = source(file.kind());
            try {
                if (source == null) {
                    throw new FileSource.NotFetchable("No way to fetch files of channel kind " + file.kind());
                }
                self.store(file.id(), source.fetch(self.channel(file.channelId()), file.reference()));
            } catch (IOException | RuntimeException failed) {
                LOG.log(Level.INFO, "File " + file.id() + " not fetched yet: " + failed.getMessage());
                self.failed(file.id(), failed.getMessage(), failed instanceof FileSource.NotFetchable);
            }
        }
        return due.size();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Due> due(int limit) {
        return em.createQuery("SELECT f.id, f.channel.id, f.channel.type, f.reference FROM RemoteFile f WHERE f.state = :pending"
                        + " AND f.nextAt <= :now ORDER BY f.nextAt", Object[].class)
                .setParameter("pending", RemoteFile.PENDING).setParameter("now", Instant.now()).setMaxResults(limit).getResultStream()
                .map(r -> new Due((Long) r[0], (Long) r[1], (String) r[2], (String) r[3])).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Channel channel(long channelId) {
        return em.find(Channel.class, channelId);
    }

    /** Keeps the file on its message, unless another instance did meanwhile. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(long id, FileSource.Fetched fetched) {
        RemoteFile file = em.find(RemoteFile.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (file == null || !RemoteFile.PENDING.equals(file.getState())) {
            return;
        }
        String type = present(fetched.contentType()) ? fetched.contentType() : present(file.getContentType()) ? file.getContentType() : null;
        String name = present(file.getFilename()) ? file.getFilename() : fetched.filename();
        em.persist(new Attachment(file.getMessage(), name, type, null, fetched.content()));
        file.fetched();
        if (file.getMessage().getTicket() != null) {
            activity.fire(new TicketActivity(file.getMessage().getTicket().getId()));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long id, String reason, boolean never) {
        RemoteFile file = em.find(RemoteFile.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (file == null || !RemoteFile.PENDING.equals(file.getState())) {
            return;
        }
        Duration backoff = Duration.ofSeconds(30L << Math.min(10, file.getAttempts()));
        if (file.failed(reason, never ? 1 : MAX_ATTEMPTS, backoff) && file.getMessage().getTicket() != null) {
            em.persist(new TicketEvent(file.getMessage().getTicket(), TicketEventType.FILE_NOT_FETCHED, null,
                    Phrase.of("timeline.file.notFetched", "file", present(file.getFilename()) ? file.getFilename() : "—", "reason", reason == null ? "—" : reason)));
            activity.fire(new TicketActivity(file.getMessage().getTicket().getId()));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private FileSource source(String kind) {
        for (FileSource source : sources) {
            if (source.kind().equals(kind)) {
                return source;
            }
        }
        return null;
    }
}
