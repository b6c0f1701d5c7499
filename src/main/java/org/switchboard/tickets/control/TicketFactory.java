package org.switchboard.tickets.control;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.channels.entity.TicketDefaults;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.platform.persistence.BatchTables;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;
import org.switchboard.tickets.entity.TicketSource;

/**
 * Creates the ticket for a new conversation from the channel's ticket defaults — once per origin
 * (the channel message it is opened for): if a ticket for that origin exists, e.g. one whose
 * conversation a crashed database lost while keeping the ticket, it is that ticket. A batch
 * writer may {@link #preload} the origins of a whole batch in one query.
 */
@ApplicationScoped
public class TicketFactory {

    private static final String BY_ORIGIN = TicketFactory.class.getName() + ".byOrigin";

    @PersistenceContext
    EntityManager em;

    @Inject
    TicketNumbers numbers;

    @Inject
    BatchTables tables;

    public void preload(Channel channel, Collection<String> origins) {
        tables.preload(BY_ORIGIN + channel.getId(), origins,
                slice -> em.createQuery("SELECT t FROM Ticket t WHERE t.channel = :channel AND t.originKey IN :origins", Ticket.class)
                        .setParameter("channel", channel).setParameter("origins", slice).getResultList(),
                Ticket::getOriginKey);
    }

    public Ticket fromChannel(Channel channel, Contact contact, String subject, String text, String origin) {
        Optional<Ticket> existing = origin == null ? Optional.empty() : tables.lookup(BY_ORIGIN + channel.getId(), origin, () -> openedFor(channel, origin));
        if (existing.isPresent()) {
            return existing.get();
        }
        TicketDefaults defaults = channel.getTicketDefaults();
        Map<String, String> values = new HashMap<>();
        values.put("subject", TicketTemplates.subjectFromText(subject, text));
        values.put("channel.name", channel.getName());
        values.put("text", text == null ? "" : text);
        if (contact != null) {
            values.put("contact.name", contact.displayName());
            values.put("contact.email", contact.getEmails().stream().findFirst().orElse(""));
        }
        String name = TicketTemplates.render(defaults.nameTemplate(), values);
        if (name.isBlank()) {
            name = values.get("subject");
        }
        if (name.length() > Ticket.SUBJECT_MAX) {
            name = name.substring(0, Ticket.SUBJECT_MAX - 1) + "…";
        }
        Ticket ticket = new Ticket(numbers.next(), name, defaults.pipeline(), defaults.stage(), defaults.priority(), TicketSource.CHANNEL);
        ticket.describe(TicketTemplates.render(defaults.descriptionTemplate(), values));
        ticket.categorize(defaults.category());
        ticket.comesFrom(channel, contact);
        ticket.openedFor(origin);
        if (channel.getRoutingMode() != RoutingMode.NO_ONE) {
            ticket.awaitRouting(); // routed right after this transaction commits
        }
        em.persist(ticket);
        em.persist(new TicketEvent(ticket, TicketEventType.CREATED, null, Phrase.of("timeline.createdFromChannel", "channel", channel.getName())));
        if (origin != null) {
            tables.learn(BY_ORIGIN + channel.getId(), origin, ticket);
        }
        return ticket;
    }

    private Optional<Ticket> openedFor(Channel channel, String origin) {
        return em.createNamedQuery("Ticket.byOrigin", Ticket.class).setParameter("channel", channel).setParameter("origin", origin)
                .getResultStream().findFirst();
    }
}
