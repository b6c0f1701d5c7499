package org.switchboard.imports.control;

import java.util.List;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.switchboard.channels.entity.Channel;
import org.switchboard.imports.entity.ImportProgress;
import org.switchboard.imports.entity.ImportSkip;
import org.switchboard.inbound.control.ConversationIntake;
import org.switchboard.inbound.control.IntakeResult;
import org.switchboard.tickets.entity.Ticket;

/**
 * Writes one chunk of historical mail in one transaction of the application's database, together
 * with the part's new position: after a crash the chunk is either all there with its position or
 * not at all. Writing is idempotent (a message's external id is its Message-ID and content hash),
 * so re-reading a chunk after a restart adds nothing twice. A dry run does all the same work and
 * rolls it back, so its counts are exact.
 */
@ApplicationScoped
public class ImportWriter {

    @PersistenceContext
    EntityManager em;

    @Inject
    ConversationIntake intake;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** What a chunk made. */
    public record Written(int messages, int tickets, long contacts, int skipped) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Written write(long runId, String sourceKey, long channelId, List<ImportItem> items, boolean dryRun) {
        Channel channel = em.find(Channel.class, channelId);
        long contactsBefore = dryRun ? contacts() : 0; // counted for dry runs only: a count over all contacts per chunk costs
        int messages = 0;
        int tickets = 0;
        int skipped = 0;
        // the chunk's look-ups in a few queries up front; no query in between, so its rows go out in JDBC batches at commit
        intake.preload(channel, items.stream().map(ImportItem::message).toList());
        for (ImportItem item : items) {
            IntakeResult result = item.teamMail() ? intake.acceptTeamMail(channel, item.message()) : intake.acceptHistory(channel, item.message());
            if (result.ignored()) {
                skipped++;
                em.persist(new ImportSkip(runId, item.part(), item.position(), result.ignoredBecause()));
            } else if (!result.duplicate()) {
                messages++;
            }
            if (result.newTicket()) {
                tickets++;
                Ticket ticket = em.find(Ticket.class, result.ticketId());
                ticket.markImported(item.message().occurredAt() != null ? item.message().occurredAt() : ticket.getCreatedAt());
            }
        }
        long newContacts = dryRun ? contacts() - contactsBefore : 0;
        if (!items.isEmpty() && !dryRun) {
            ImportItem last = items.get(items.size() - 1);
            progress(sourceKey, last.part()).advance(last.resumeAfter(), items.size(), messages, skipped, tickets, newContacts);
        }
        if (dryRun) {
            em.flush();
            transactions.setRollbackOnly();
        }
        return new Written(messages, tickets, newContacts, skipped);
    }

    private long contacts() {
        return em.createQuery("SELECT COUNT(c) FROM Contact c", Long.class).getSingleResult();
    }

    private ImportProgress progress(String sourceKey, String part) {
        ImportProgress progress = em.find(ImportProgress.class, new ImportProgress.Key(sourceKey, part), LockModeType.PESSIMISTIC_WRITE);
        if (progress == null) {
            progress = new ImportProgress(sourceKey, part);
            em.persist(progress);
        }
        return progress;
    }
}
