package org.switchboard.tickets.control;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.channels.entity.TicketDefaults;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;
import org.switchboard.tickets.entity.TicketSource;

/** Creates the ticket for a new conversation from the channel's ticket defaults. */
@ApplicationScoped
public class TicketFactory {

    @PersistenceContext
    EntityManager em;

    @Inject
    TicketNumbers numbers;

    public Ticket fromChannel(Channel channel, Contact contact, String subject, String text) {
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
        if (channel.getRoutingMode() != RoutingMode.NO_ONE) {
            ticket.awaitRouting(); // routed right after this transaction commits
        }
        em.persist(ticket);
        em.persist(new TicketEvent(ticket, TicketEventType.CREATED, null, "Created from channel " + channel.getName()));
        return ticket;
    }
}
