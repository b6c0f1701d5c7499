package org.switchboard.imports.control;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.switchboard.channels.entity.Channel;
import org.switchboard.conversations.entity.Conversation;
import org.switchboard.conversations.entity.Message;
import org.switchboard.imports.entity.ImportProgress;
import org.switchboard.tickets.control.TicketFactory;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * Moves a channel from a shared inbox to the help desk: from then on its conversations make
 * tickets; optionally each historical conversation gets its ticket too — one it already has is
 * kept and its messages linked to it, a missing one is created with the channel's ticket defaults
 * and the conversation's own dates. Each batch of conversations is one transaction with the
 * migration's position, so a restart continues exactly; a dry run rolls each batch back.
 */
@ApplicationScoped
public class InboxMigration {

    public static final String PART = "conversations";

    @PersistenceContext
    EntityManager em;

    @Inject
    TicketFactory tickets;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Switches the channel to the help desk (not in a dry run). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void connectToHelpDesk(long channelId) {
        em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE).connectToHelpDesk();
    }

    /** The next conversations of the channel after the given id, oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> conversationsAfter(long channelId, long afterId, int limit) {
        return em.createQuery("SELECT c.id FROM Conversation c WHERE c.channel.id = :channel AND c.id > :after ORDER BY c.id", Long.class)
                .setParameter("channel", channelId).setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long resumeAfter(String progressKey) {
        ImportProgress progress = em.find(ImportProgress.class, new ImportProgress.Key(progressKey, PART));
        return progress == null || progress.getResumeAfter() == null ? 0 : Long.parseLong(progress.getResumeAfter());
    }

    /** Gives the batch's conversations their tickets; returns {created, kept}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int[] migrate(String progressKey, long channelId, List<Long> conversationIds, boolean dryRun) {
        Channel channel = em.find(Channel.class, channelId);
        int created = 0;
        int kept = 0;
        // the batch's conversations and their messages in two queries, not two per conversation
        List<Conversation> conversations = em.createQuery("SELECT c FROM Conversation c WHERE c.id IN :ids ORDER BY c.id", Conversation.class)
                .setParameter("ids", conversationIds).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Map<Long, List<Message>> byConversation = em.createQuery("SELECT m FROM Message m WHERE m.conversation.id IN :ids ORDER BY m.createdAt, m.id",
                        Message.class).setParameter("ids", conversationIds).getResultStream()
                .collect(Collectors.groupingBy(m -> m.getConversation().getId(), Collectors.toList()));
        for (Conversation conversation : conversations) {
            List<Message> messages = byConversation.getOrDefault(conversation.getId(), List.of());
            Ticket ticket = conversation.getTicket();
            if (ticket == null) {
                Message first = messages.isEmpty() ? null : messages.get(0);
                ticket = tickets.fromChannel(channel, conversation.getContact(), first == null ? null : first.getSubject(),
                        first == null ? null : first.getText(), "conversation:" + conversation.getId());
                ticket.markImported(conversation.getCreatedAt());
                conversation.attachTo(ticket);
                em.persist(new TicketEvent(ticket, TicketEventType.LINKED, null, Phrase.of("timeline.movedFromInbox")));
                created++;
            } else {
                kept++;
            }
            for (Message message : messages) {
                if (message.getTicket() == null || !message.getTicket().equals(ticket)) {
                    message.fileOn(ticket);
                }
            }
        }
        if (dryRun) {
            em.flush();
            transactions.setRollbackOnly();
        } else if (!conversationIds.isEmpty()) {
            progress(progressKey).advance(Long.toString(conversationIds.get(conversationIds.size() - 1)), conversationIds.size(), created, 0, created, 0);
        }
        return new int[]{created, kept};
    }

    /** Dry-run counts, kept apart from the rolled-back batch. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void countDryRun(String progressKey, long lastId, int read, int created) {
        progress(progressKey).advance(Long.toString(lastId), read, created, 0, created, 0);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finished(String progressKey) {
        progress(progressKey).finish();
    }

    private ImportProgress progress(String progressKey) {
        ImportProgress progress = em.find(ImportProgress.class, new ImportProgress.Key(progressKey, PART), LockModeType.PESSIMISTIC_WRITE);
        if (progress == null) {
            progress = new ImportProgress(progressKey, PART);
            em.persist(progress);
        }
        return progress;
    }

}
