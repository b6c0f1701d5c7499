package org.switchboard.tickets.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The counts on the help desk start page, read once per request. */
@Named
@RequestScoped
public class HelpDeskSummary {

    @PersistenceContext
    EntityManager em;

    private long openTickets;
    private long unassignedTickets;
    private long channels;

    @PostConstruct
    void load() {
        openTickets = em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE t.closedAt IS NULL", Long.class).getSingleResult();
        unassignedTickets = em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE t.closedAt IS NULL AND t.owner IS NULL", Long.class).getSingleResult();
        channels = em.createQuery("SELECT COUNT(c) FROM Channel c", Long.class).getSingleResult();
    }

    public long getOpenTickets() {
        return openTickets;
    }

    public long getUnassignedTickets() {
        return unassignedTickets;
    }

    public long getChannels() {
        return channels;
    }
}
