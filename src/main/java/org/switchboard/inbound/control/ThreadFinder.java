package org.switchboard.inbound.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.channels.entity.Channel;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.conversations.entity.Conversation;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.platform.persistence.BatchTables;
import org.switchboard.platform.persistence.Preloaded;

/**
 * Which conversation an inbound message continues, in this order: the channel's own thread key;
 * the nearest earlier message it replies to (an email's In-Reply-To, then References); a ticket
 * tag in the subject, honoured only for that ticket's own contact, so a stranger cannot write
 * into someone else's ticket; otherwise none — a new conversation starts. A batch writer may
 * {@link #preload} the thread keys and message ids of a whole batch; look-ups then come from those
 * tables, which learn every conversation and message the batch adds.
 */
@ApplicationScoped
public class ThreadFinder {

    private static final String BY_THREAD_KEY = ThreadFinder.class.getName() + ".byThreadKey";
    private static final String BY_MESSAGE_ID = ThreadFinder.class.getName() + ".byChannelMessageId";

    @PersistenceContext
    EntityManager em;

    @Inject
    BatchTables tables;

    /** Reads, in a few queries, every conversation and message the batch's messages could thread onto. */
    public void preload(Channel channel, List<InboundMessage> batch) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        for (InboundMessage inbound : batch) {
            keys.add(newThreadKey(inbound));
            InboundMessage.ChannelFacts facts = inbound.facts();
            if (facts.channelMessageId() != null) {
                ids.add(facts.channelMessageId());
            }
            ids.addAll(facts.inReplyTo());
            if (facts.failedDeliveryOf() != null) {
                ids.add(facts.failedDeliveryOf());
            }
        }
        tables.preload(BY_THREAD_KEY + channel.getId(), keys,
                slice -> em.createQuery("SELECT c FROM Conversation c WHERE c.channel = :channel AND c.threadKey IN :keys", Conversation.class)
                        .setParameter("channel", channel).setParameter("keys", slice).getResultList(),
                Conversation::getThreadKey);
        tables.preloadRows(BY_MESSAGE_ID + channel.getId(), ids,
                slice -> query(channel, slice).stream().collect(Collectors.groupingBy(Message::getChannelMessageId)));
    }

    /** A conversation the intake just created: later messages of the batch find it by its key. */
    public void started(Conversation conversation) {
        tables.learn(BY_THREAD_KEY + conversation.getChannel().getId(), conversation.getThreadKey(), conversation);
    }

    /** A conversation that gave up its key (archived for a follow-up ticket). */
    public void keyReleased(Conversation conversation, String formerKey) {
        tables.forget(BY_THREAD_KEY + conversation.getChannel().getId(), formerKey);
    }

    /** A message the intake just stored: later replies in the batch find it by its channel id. */
    public void stored(Message message) {
        Preloaded<String, List<Message>> byId = tables.find(BY_MESSAGE_ID + message.getChannel().getId());
        if (byId != null && message.getChannelMessageId() != null) {
            List<Message> known = new ArrayList<>(byId.get(message.getChannelMessageId()).orElse(List.of()));
            known.add(message);
            byId.put(message.getChannelMessageId(), known);
        }
    }

    /** @param contact the sender as a contact; null for the team's own mail (then no subject tag is honoured) */
    public Optional<Conversation> find(Channel channel, InboundMessage inbound, Contact contact) {
        if (inbound.threadKey() != null) {
            return byThreadKey(channel, inbound.threadKey());
        }
        List<String> repliedTo = inbound.facts().inReplyTo();
        if (!repliedTo.isEmpty()) {
            Optional<Conversation> answered = byChannelMessageIds(channel, repliedTo).stream()
                    .filter(m -> m.getConversation() != null)
                    .min(Comparator.comparingInt(m -> repliedTo.indexOf(m.getChannelMessageId())))
                    .map(Message::getConversation);
            if (answered.isPresent()) {
                return answered;
            }
        }
        Long ticketNumber = inbound.facts().ticketNumber();
        if (ticketNumber != null && contact != null && contact.getId() != null) {
            Optional<Conversation> tagged = em.createQuery("SELECT c FROM Conversation c WHERE c.channel = :channel AND c.contact = :contact"
                            + " AND c.ticket.number = :number ORDER BY c.lastMessageAt DESC", Conversation.class)
                    .setParameter("channel", channel).setParameter("contact", contact).setParameter("number", ticketNumber)
                    .setMaxResults(1).getResultStream().findFirst();
            if (tagged.isPresent()) {
                return tagged;
            }
        }
        return byThreadKey(channel, newThreadKey(inbound));
    }

    /** The key a conversation started by this message gets. */
    public String newThreadKey(InboundMessage inbound) {
        if (inbound.threadKey() != null) {
            return inbound.threadKey();
        }
        String channelId = inbound.facts().channelMessageId();
        return channelId != null ? "id:" + channelId : "message:" + inbound.externalId();
    }

    /** Whether a message with this id is one the channel sent (it came back, e.g. as a copy to the team address). */
    public boolean isOwnMessage(Channel channel, String channelMessageId) {
        return channelMessageId != null && byChannelMessageIds(channel, List.of(channelMessageId)).stream()
                .anyMatch(m -> m.getDirection() == MessageDirection.OUTBOUND);
    }

    public List<Message> byChannelMessageIds(Channel channel, List<String> ids) {
        Preloaded<String, List<Message>> byId = tables.find(BY_MESSAGE_ID + channel.getId());
        if (byId != null && ids.stream().allMatch(byId::covers)) {
            return ids.stream().flatMap(id -> byId.get(id).orElse(List.of()).stream()).toList();
        }
        return query(channel, ids);
    }

    private List<Message> query(Channel channel, Collection<String> ids) {
        return em.createNamedQuery("Message.byChannelMessageId", Message.class)
                .setParameter("channel", channel).setParameter("ids", ids).getResultList();
    }

    private Optional<Conversation> byThreadKey(Channel channel, String threadKey) {
        return tables.lookup(BY_THREAD_KEY + channel.getId(), threadKey, () -> em.createNamedQuery("Conversation.byThreadKey", Conversation.class)
                .setParameter("channel", channel).setParameter("threadKey", threadKey).getResultStream().findFirst());
    }
}
