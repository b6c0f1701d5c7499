package org.switchboard.imports.control;

import java.util.ArrayList;
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
import org.switchboard.contacts.control.ContactResolver;
import org.switchboard.contacts.entity.Contact;
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

    @Inject
    ContactResolver contacts;

    @Inject
    DryRunMemory memory;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * What a chunk made. For a dry run (whose data is rolled back) also what later chunks must
     * recall ({@code made}, {@code createdContacts}) and the skips its report lists.
     */
    public record Written(int messages, int tickets, long contacts, int skipped, List<DryRunMemory.Remembered> made,
                          List<String> createdContacts, List<ImportSkip> skips) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Written write(long runId, String sourceKey, long channelId, List<ImportItem> items, boolean dryRun) {
        Channel channel = em.find(Channel.class, channelId);
        int messages = 0;
        int tickets = 0;
        int skipped = 0;
        List<ImportSkip> skips = new ArrayList<>();
        List<Long> written = new ArrayList<>();
        if (dryRun) {
            memory.recall(runId, channel, items.stream().map(ImportItem::message).toList()); // what earlier chunks would have made
        }
        // the chunk's look-ups in a few queries up front; no query in between, so its rows go out in JDBC batches at commit
        intake.preload(channel, items.stream().map(ImportItem::message).toList());
        for (ImportItem item : items) {
            IntakeResult result = item.teamMail() ? intake.acceptTeamMail(channel, item.message()) : intake.acceptHistory(channel, item.message());
            if (result.ignored()) {
                skipped++;
                ImportSkip skip = new ImportSkip(runId, item.part(), item.position(), result.ignoredBecause());
                skips.add(skip);
                if (!dryRun) {
                    em.persist(skip);
                }
            } else if (!result.duplicate()) {
                messages++;
                written.add(result.messageId());
            }
            if (result.newTicket()) {
                tickets++;
                Ticket ticket = em.find(Ticket.class, result.ticketId());
                ticket.markImported(item.message().occurredAt() != null ? item.message().occurredAt() : ticket.getCreatedAt());
            }
        }
        List<Contact> created = contacts.createdInBatch(); // the chunk's own: a count over the table would also see other writers' contacts
        if (!items.isEmpty() && !dryRun) {
            ImportItem last = items.get(items.size() - 1);
            progress(sourceKey, last.part()).advance(last.resumeAfter(), items.size(), messages, skipped, tickets, created.size());
        }
        if (dryRun) {
            em.flush();
            List<DryRunMemory.Remembered> made = memory.madeBy(written);
            List<String> createdEmails = created.stream().flatMap(c -> c.getEmails().stream()).toList();
            transactions.setRollbackOnly();
            return new Written(messages, tickets, created.size(), skipped, made, createdEmails, skips);
        }
        return new Written(messages, tickets, created.size(), skipped, List.of(), List.of(), List.of());
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
